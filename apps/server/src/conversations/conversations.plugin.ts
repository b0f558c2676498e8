import fp from 'fastify-plugin';
import { registerAgentSockets } from './agent.socket.ts';
import { registerVisitorSockets } from './visitor.socket.ts';

/** The chat itself: both Socket.IO namespaces' commands and the facts they broadcast. */
export default fp(
  async (app) => {
    registerVisitorSockets(app);
    registerAgentSockets(app);
  },
  { name: 'conversations', dependencies: ['db', 'group-commit', 'io', 'visitor-tokens'] },
);
