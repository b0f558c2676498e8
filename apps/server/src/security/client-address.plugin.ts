import fp from 'fastify-plugin';
import type { Socket } from 'socket.io';
import type { Config } from '../config.ts';
import { clientAddressOf } from './trust-proxy.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * A socket's client address under `TRUST_PROXY`, the same rule as `request.ip` for HTTP: key
     * every per-client limit and log line on this, never on `socket.handshake.address` (that is
     * the TCP peer, i.e. the proxy behind a reverse proxy).
     *
     * @example
     * app.clientAddress(socket) // '203.0.113.7' behind a trusted nginx; '127.0.0.1' for a local client
     */
    clientAddress(socket: Socket): string;
  }
}

/**
 * Reads each Socket.IO connection's client address once, when engine.io accepts its handshake: the
 * handshake request's TCP connection is alive then (a long-polling client's may be closed later).
 */
export default fp<{ config: Config }>(
  async (app, { config }) => {
    const { trust } = config.TRUST_PROXY;
    const addresses = new WeakMap<object, string>();
    const read = (request: Socket['request']) => clientAddressOf(request, trust) ?? request.socket?.remoteAddress ?? 'unknown';
    app.io.engine.on('connection', (conn: { request: Socket['request'] }) => addresses.set(conn, read(conn.request)));
    app.decorate('clientAddress', (socket: Socket) => {
      let address = addresses.get(socket.conn);
      if (address === undefined) {
        address = read(socket.request);
        addresses.set(socket.conn, address);
      }
      return address;
    });
    for (const nsp of [app.visitorNsp, app.agentNsp]) {
      nsp.on('connection', (socket: Socket) => {
        app.log.debug({ nsp: nsp.name, socket: socket.id, ip: app.clientAddress(socket), transport: socket.conn.transport.name }, 'socket connected');
        socket.once('disconnect', (reason) => app.log.debug({ nsp: nsp.name, socket: socket.id, reason }, 'socket disconnected'));
      });
    }
  },
  { name: 'client-address', dependencies: ['io'] },
);
