import fp from 'fastify-plugin';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { Socket as TcpSocket } from 'node:net';
import type { Socket } from 'socket.io';
import { commandAcked, commandReceived, type CommandReceived } from '../observability/command-channel.ts';

/**
 * The app's own view of its life: serving, or draining for a shutdown (lifecycle/shutdown.ts).
 *
 * While draining, `/readyz` answers 503 (a balancer stops sending), and commands that arrive on
 * open sockets are dropped unanswered: the client's outbox resends them, with the same client
 * ids, once it has reconnected to a server that will commit them. A command already received runs
 * to its commit and its ack; `idle()` says when none is left.
 */
export interface Lifecycle {
  readonly draining: boolean;
  /** Socket commands received and not yet acked, plus HTTP requests being answered (not Socket.IO polls). */
  readonly inFlight: number;
  /** Starts draining; idempotent. */
  drain(): void;
  /** Resolves once nothing is in flight (at once if nothing is). */
  idle(): Promise<void>;
  /** Every open TCP connection of the main listener (upgraded WebSockets included), for a forced end. */
  connections(): ReadonlySet<TcpSocket>;
}

declare module 'fastify' {
  interface FastifyInstance {
    lifecycle: Lifecycle;
  }
}

export default fp(
  async (app) => {
    let draining = false;
    let commands = 0;
    let requests = 0;
    let waiters: Array<() => void> = [];
    const settle = () => {
      if (commands + requests > 0) return;
      const ready = waiters;
      waiters = [];
      for (const resolve of ready) resolve();
    };

    const ours = (socket: Socket) => app.hasDecorator('io') && socket.nsp.server === app.io;
    const onReceived = (message: unknown) => {
      if (ours((message as CommandReceived).socket)) commands++;
    };
    const onAcked = (message: unknown) => {
      if (!ours((message as CommandReceived).socket)) return;
      commands--;
      settle();
    };
    subscribe(commandReceived.name, onReceived);
    subscribe(commandAcked.name, onAcked);

    const tcp = new Set<TcpSocket>();
    app.server.on('connection', (socket: TcpSocket) => {
      tcp.add(socket);
      socket.once('close', () => tcp.delete(socket));
    });
    app.server.on('request', (request, response) => {
      // Long polls are Socket.IO's transport, not work in flight: they end when their socket closes.
      if (request.url?.startsWith('/socket.io/')) return;
      requests++;
      response.once('close', () => {
        requests--;
        settle();
      });
    });

    // Registered before any feature's socket middleware runs commands: a draining app takes no new ones.
    const refuseWhileDraining = (socket: Socket) =>
      socket.use((_packet, next) => {
        if (!draining) next();
      });
    app.visitorNsp.on('connection', refuseWhileDraining);
    app.agentNsp.on('connection', refuseWhileDraining);

    app.decorate('lifecycle', {
      get draining() {
        return draining;
      },
      get inFlight() {
        return commands + requests;
      },
      drain() {
        draining = true;
      },
      idle() {
        return commands + requests === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve));
      },
      connections: () => tcp,
    } satisfies Lifecycle);

    app.addHook('onClose', async () => {
      unsubscribe(commandReceived.name, onReceived);
      unsubscribe(commandAcked.name, onAcked);
    });
  },
  { name: 'lifecycle', dependencies: ['io'] },
);
