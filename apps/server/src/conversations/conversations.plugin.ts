import fp from 'fastify-plugin';
import { registerAgentNamespace } from '../realtime/agent-namespace.ts';
import { registerVisitorNamespace } from '../realtime/visitor-namespace.ts';

/** The chat itself: both Socket.IO namespaces, with the commands of every feature. */
export default fp(
  async (app) => {
    registerVisitorNamespace(app);
    registerAgentNamespace(app);
  },
  { name: 'conversations', dependencies: ['db', 'group-commit', 'io', 'visitor-tokens', 'routing'] },
);
