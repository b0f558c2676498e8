import fp from 'fastify-plugin';
import { Server, type Namespace, type Socket } from 'socket.io';
import {
  AGENT_NAMESPACE,
  VISITOR_NAMESPACE,
  type AgentClientToServerEvents,
  type AgentId,
  type AgentServerToClientEvents,
  type SiteId,
  type VisitorClientToServerEvents,
  type VisitorId,
  type VisitorServerToClientEvents,
} from '@hearth/protocol';

export interface VisitorSocketData {
  siteId: SiteId;
  visitorId: VisitorId;
}
export interface AgentSocketData {
  agentId: AgentId;
  agentName: string;
  /** Sites this agent belongs to, read at handshake; every lookup is scoped to them. */
  siteIds: SiteId[];
}

export type VisitorNamespace = Namespace<
  VisitorClientToServerEvents,
  VisitorServerToClientEvents,
  Record<string, never>,
  VisitorSocketData
>;
export type AgentNamespace = Namespace<
  AgentClientToServerEvents,
  AgentServerToClientEvents,
  Record<string, never>,
  AgentSocketData
>;

export type VisitorSocket = Socket<VisitorClientToServerEvents, VisitorServerToClientEvents, Record<string, never>, VisitorSocketData>;
export type AgentSocket = Socket<AgentClientToServerEvents, AgentServerToClientEvents, Record<string, never>, AgentSocketData>;

declare module 'fastify' {
  interface FastifyInstance {
    io: Server;
    visitorNsp: VisitorNamespace;
    agentNsp: AgentNamespace;
  }
}

/** Room names: one place, so emitters and joiners cannot disagree. */
export const rooms = {
  siteAgents: (siteId: string) => `site:${siteId}:agents`,
  siteVisitors: (siteId: string) => `site:${siteId}:visitors`,
  /** All tabs of one visitor (visitor namespace). */
  visitor: (visitorId: string) => `visitor:${visitorId}`,
  /** Agents looking at one conversation (agent namespace). */
  conversation: (conversationId: string) => `conversation:${conversationId}`,
  /** All sockets of one agent (every tab, every session): presence and personal notices. */
  agent: (agentId: string) => `agent:${agentId}`,
  /** All sockets of one login session, so logout can close them. */
  agentSession: (tokenHash: string) => `session:${tokenHash}`,
} as const;

/** Largest Socket.IO packet accepted; a message body is at most 5,000 characters. */
export const MAX_PACKET_BYTES = 64 * 1024;

export default fp(
  async (app) => {
    const io = new Server(app.server, {
      maxHttpBufferSize: MAX_PACKET_BYTES,
      serveClient: false,
      // The widget is embedded on customers' origins; visitor auth is the signed token, not a
      // cookie, so cross-origin handshakes are expected. Agent sockets authenticate by a SameSite
      // cookie, which a foreign origin's page never sends.
      cors: { origin: true, credentials: false },
    });
    app.decorate('io', io);
    app.decorate('visitorNsp', io.of(VISITOR_NAMESPACE) as VisitorNamespace);
    app.decorate('agentNsp', io.of(AGENT_NAMESPACE) as AgentNamespace);
    // Close connections before Fastify waits for the HTTP server to drain, or it would wait forever.
    // Closing at the transport (not disconnectSockets) lets clients see 'transport close' and
    // reconnect by themselves to the restarted server; they then resync from their last seq.
    app.addHook('preClose', async () => {
      io.engine.close();
    });
  },
  { name: 'io' },
);
