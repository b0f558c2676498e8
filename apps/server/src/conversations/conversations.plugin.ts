import fp from 'fastify-plugin';
import { registerAgentNamespace } from '../realtime/agent-namespace.ts';
import { registerVisitorNamespace } from '../realtime/visitor-namespace.ts';
import { MessageFanout } from './message-fanout.ts';
import { conversationAgentCommands } from './agent.commands.ts';
import { conversationVisitorCommands } from './visitor.commands.ts';

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
    app.realtime.agentCommands(
      ['inbox:list', 'conversation:open', 'conversation:sync', 'message:send', 'typing:set', 'messages:read', 'conversation:claim', 'conversation:close'],
      (socket) => conversationAgentCommands(app, socket),
    );
    app.realtime.visitorCommands(
      [
        'conversation:sync',
        'message:send',
        'typing:set',
        'messages:read',
        'page:view',
        'conversation:end',
        'csat:rate',
        'transcript:get',
        'visitor:update',
        'visitor:track',
      ],
      (socket) => conversationVisitorCommands(app, socket),
    );
    registerVisitorNamespace(app);
    registerAgentNamespace(app);
  },
  { name: 'conversations', dependencies: ['store', 'io', 'realtime', 'visitor-tokens', 'routing'] },
);
