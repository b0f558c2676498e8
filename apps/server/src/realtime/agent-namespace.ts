import type { FastifyInstance } from 'fastify';
import { agentCommandSchemas, type AgentClientToServerEvents } from '@hearth/protocol';
import { agentForSession, agentSiteIds, SESSION_COOKIE } from '../auth/sessions.ts';
import { rooms, type AgentSocket } from '../plugins/io.ts';
import { registerCommands } from './commands.ts';

/**
 * The agent namespace: the console's socket, authenticated by the session cookie. Features add
 * their commands and connection hooks to `app.realtime` (command-registry.ts); the registry makes
 * sure every command of the protocol has exactly one handler.
 */
export function registerAgentNamespace(app: FastifyInstance): void {
  const { db } = app.sqlite;
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
    void socket.join(socket.data.siteIds.map(rooms.siteAgents));
    for (const hook of app.realtime.agentConnected) hook(socket);
    registerCommands<typeof agentCommandSchemas, AgentClientToServerEvents>(socket, agentCommandSchemas, app.realtime.agentHandlers(socket), app.log);
  });
}
