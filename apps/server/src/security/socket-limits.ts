import type { FastifyInstance } from 'fastify';
import type { Socket } from 'socket.io';
import { TOO_MANY_CONNECTIONS } from '@hearth/protocol';
import type { Config } from '../config.ts';
import { createEventBudget } from './event-budget.ts';
import { KeyedBudgets, SocketCounts } from './client-limits.ts';
import { hasNulByte } from './nul-bytes.ts';
import { watchSendBuffer, type EngineConnection } from './backpressure.ts';

type Limits = Pick<
  Config,
  | 'SOCKET_EVENTS_PER_MIN'
  | 'SOCKET_EVENTS_BURST'
  | 'SOCKETS_PER_VISITOR'
  | 'SOCKETS_PER_IP'
  | 'CLIENT_EVENTS_PER_MIN'
  | 'CLIENT_EVENTS_BURST'
  | 'IP_EVENTS_PER_MIN'
  | 'IP_EVENTS_BURST'
  | 'SOCKET_SEND_BUFFER_BYTES'
>;

/** Who a socket is, for limits: its visitor or agent, and its client address (TRUST_PROXY). */
function keysOf(app: FastifyInstance, socket: Socket): { client: string; ip: string } {
  const data = socket.data as { visitorId?: string; agentId?: string };
  return { client: data.visitorId ? `visitor:${data.visitorId}` : `agent:${data.agentId ?? socket.id}`, ip: `ip:${app.clientAddress(socket)}` };
}

const refusal = { ok: false, error: { code: 'rate_limited', message: 'Too many messages; slow down a little.' } } as const;
const nulRefusal = { ok: false, error: { code: 'invalid_payload', message: 'Text may not contain a NUL character.' } } as const;

/**
 * What one client can make the server hold or do, whatever number of sockets it opens:
 * - sockets: at most SOCKETS_PER_VISITOR per visitor token and SOCKETS_PER_IP visitor sockets per
 *   client address, refused at the handshake with `too_many_connections`;
 * - events: each socket's own budget, a budget shared by all sockets of one visitor (or agent), and
 *   one shared by all visitor sockets of an address; a command past any is acked `rate_limited`;
 * - memory: a connection with more than SOCKET_SEND_BUFFER_BYTES queued unread is cut;
 * - and a command whose payload holds a NUL character is refused (nul-bytes.ts).
 * Per node (a cluster's balancer is sticky), in memory: limits are about this process's heap.
 */
export function registerClientLimits(app: FastifyInstance, config: Limits): void {
  const counts = new SocketCounts();
  const clientBudgets = new KeyedBudgets(config.CLIENT_EVENTS_PER_MIN, config.CLIENT_EVENTS_BURST);
  const ipBudgets = new KeyedBudgets(config.IP_EVENTS_PER_MIN, config.IP_EVENTS_BURST);
  const sweeper = setInterval(() => {
    const now = Date.now();
    clientBudgets.sweep(now);
    ipBudgets.sweep(now);
  }, 30_000);
  sweeper.unref();
  app.addHook('onClose', async () => clearInterval(sweeper));

  app.io.engine.on('connection', (conn: EngineConnection & { request: Socket['request'] }) => {
    watchSendBuffer(conn, config.SOCKET_SEND_BUFFER_BYTES, (queuedBytes) =>
      app.log.warn({ queuedBytes, limit: config.SOCKET_SEND_BUFFER_BYTES }, 'socket disconnected: too much queued for a client that does not read'),
    );
  });

  // The cap needs the visitor or agent, which the namespaces' own authentication sets: the
  // middleware goes last, on ready, and takes its places synchronously, so concurrent handshakes
  // cannot all pass a check made before any of them counted.
  app.addHook('onReady', async () => {
    for (const nsp of [app.visitorNsp, app.agentNsp] as Array<{ use(fn: (socket: Socket, next: (err?: Error) => void) => void): unknown }>) {
      nsp.use((socket, next) => {
        const { client, ip } = keysOf(app, socket);
        // Agents are accounts an owner created, each with their own budget; the anonymous side is
        // where one person can be thousands of clients, and where an address is the only handle.
        if (!client.startsWith('visitor:')) return next();
        const release = counts.tryAdd([
          [client, config.SOCKETS_PER_VISITOR],
          [ip, config.SOCKETS_PER_IP],
        ]);
        if (!release) {
          app.log.info({ ip: app.clientAddress(socket), client }, 'socket refused: too many connections');
          next(new Error(TOO_MANY_CONNECTIONS));
          return;
        }
        // Released on disconnect, or when the connection closes before the socket ever connected.
        socket.once('disconnect', release);
        socket.conn.once('close', release);
        next();
      });
    }
  });

  const budget = (socket: Socket) => {
    const own = createEventBudget(config.SOCKET_EVENTS_PER_MIN, config.SOCKET_EVENTS_BURST, Date.now());
    const { client, ip } = keysOf(app, socket);
    const visitor = client.startsWith('visitor:');
    socket.use((packet, next) => {
      const now = Date.now();
      // Every budget is charged: a refused command still cost the server a parse.
      const allowed = [own.take(now), clientBudgets.take(client, now), !visitor || ipBudgets.take(ip, now)].every(Boolean);
      const ack = packet[packet.length - 1];
      if (!allowed) {
        if (typeof ack === 'function') ack(refusal);
        return;
      }
      if (hasNulByte(packet.slice(1))) {
        if (typeof ack === 'function') ack(nulRefusal);
        return;
      }
      next();
    });
  };
  app.visitorNsp.on('connection', budget);
  app.agentNsp.on('connection', budget);
}
