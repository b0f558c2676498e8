import type { FastifyInstance } from 'fastify';
import { agentCommandSchemas, type AgentClientToServerEvents } from '@hearth/protocol';
import { agentForSession, agentSiteIds, SESSION_COOKIE } from '../auth/sessions.ts';
import { rooms, type AgentSocket } from '../plugins/io.ts';
import { conversationAgentCommands } from '../conversations/agent.commands.ts';
import { routingAgentCommands } from '../routing/routing.commands.ts';
import { noteAgentCommands } from '../notes/note.commands.ts';
import { labelAgentCommands } from '../labels/label.commands.ts';
import { registerCommands } from './commands.ts';

/**
 * The agent namespace: the console's socket, authenticated by the session cookie. Each feature
 * contributes the handlers for its commands; the type of `registerCommands` makes sure every
 * command of the protocol has exactly one.
 */
export function registerAgentNamespace(app: FastifyInstance): void {
  const { db } = app.store;
  const nsp = app.agentNsp;

  nsp.use((socket, next) => {
    const cookies = app.parseCookie(socket.handshake.headers.cookie ?? '');
    const agent = agentForSession(db, cookies[SESSION_COOKIE], Date.now());
    if (!agent) {
      next(new Error('unauthorized'));
      return;
    }
    socket.data = { agentId: agent.agentId, agentName: agent.name, siteIds: agentSiteIds(db, agent.agentId) };
    void socket.join([rooms.agentSession(agent.tokenHash), rooms.agent(agent.agentId)]);
    next();
  });

  nsp.on('connection', (socket: AgentSocket) => {
    const { agentId, siteIds } = socket.data;
    void socket.join(siteIds.map(rooms.siteAgents));
    void app.conversationRouter.agentConnected(agentId);
    socket.on('disconnect', () => void app.conversationRouter.agentDisconnected(agentId));
    registerCommands<typeof agentCommandSchemas, AgentClientToServerEvents>(
      socket,
      agentCommandSchemas,
      {
        ...conversationAgentCommands(app, socket),
        ...routingAgentCommands(app, socket),
        ...noteAgentCommands(app, socket),
        ...labelAgentCommands(app, socket),
      },
      app.log,
    );
  });
}
