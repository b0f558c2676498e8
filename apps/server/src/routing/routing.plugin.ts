import fp from 'fastify-plugin';
import { Router } from './router.ts';
import { routingAgentCommands } from './routing.commands.ts';
import { agentsOnline } from './availability.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Assignment, queue, accept timeouts and presence: see routing/router.ts. */
    conversationRouter: Router;
  }
}

export default fp(
  async (app) => {
    const router = new Router(app);
    app.decorate('conversationRouter', router);
    app.realtime.agentCommands(['conversation:accept', 'conversation:transfer', 'agent:set-status', 'agents:list'], (socket) => routingAgentCommands(app, socket));
    // Presence: an agent is online while a console socket is connected (grace on the last close).
    app.realtime.onAgentConnected((socket) => {
      const { agentId } = socket.data;
      void router.agentConnected(agentId);
      socket.on('disconnect', () => void router.agentDisconnected(agentId));
    });
    app.realtime.onVisitorConnected((socket) => socket.emit('availability:changed', { agentsOnline: agentsOnline(app, socket.data.siteId) }));
    // After the commit that deactivated them (accounts/): not in that unit, as routing still
    // writes through its own SQLite calls; a crash between the two leaves the chats assigned
    // until the agent goes offline everywhere (takeAgentOffline) or someone transfers them.
    app.domainEvents.on('member.deactivated', ({ agentId, siteId }) => router.memberLeft(agentId, siteId));
    app.addHook('onReady', async () => router.resume());
    // Before the group-commit and db plugins close: no timer may fire into a closed store.
    app.addHook('preClose', async () => router.close());
  },
  { name: 'routing', dependencies: ['store', 'io', 'realtime', 'domain-events'] },
);
