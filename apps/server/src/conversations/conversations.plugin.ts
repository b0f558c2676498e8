import fp from 'fastify-plugin';
import { registerAgentNamespace } from '../realtime/agent-namespace.ts';
import { registerVisitorNamespace } from '../realtime/visitor-namespace.ts';
import { MessageFanout } from './message-fanout.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Delivers new messages to the agents who need them (see message-fanout.ts). */
    messageFanout: MessageFanout;
  }
}

/** The chat itself: both Socket.IO namespaces, with the commands of every feature. */
export default fp(
  async (app) => {
    const fanout = new MessageFanout(app);
    app.decorate('messageFanout', fanout);
    app.addHook('preClose', async () => fanout.close());
    registerVisitorNamespace(app);
    registerAgentNamespace(app);
  },
  { name: 'conversations', dependencies: ['db', 'group-commit', 'io', 'visitor-tokens', 'routing'] },
);
