import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { schema } from '@hearth/db';
import { visitorCommandSchemas, type VisitorClientToServerEvents } from '@hearth/protocol';
import { rooms, type VisitorSocket } from '../plugins/io.ts';
import { registerCommands } from './commands.ts';

/** The visitor namespace: the widget's socket. Identity comes only from the signed token. */
export function registerVisitorNamespace(app: FastifyInstance): void {
  const { db } = app.sqlite;
  const nsp = app.visitorNsp;

  nsp.use((socket, next) => {
    const claims = app.visitorTokens.verify(socket.handshake.auth?.token);
    const known =
      claims && db.select({ siteId: schema.visitors.siteId }).from(schema.visitors).where(eq(schema.visitors.id, claims.visitorId)).get();
    if (!claims || !known || known.siteId !== claims.siteId) {
      next(new Error('unauthorized'));
      return;
    }
    socket.data = { siteId: claims.siteId, visitorId: claims.visitorId };
    next();
  });

  nsp.on('connection', (socket: VisitorSocket) => {
    const { siteId, visitorId } = socket.data;
    void socket.join([rooms.visitor(visitorId), rooms.siteVisitors(siteId)]);
    for (const hook of app.realtime.visitorConnected) hook(socket);
    registerCommands<typeof visitorCommandSchemas, VisitorClientToServerEvents>(socket, visitorCommandSchemas, app.realtime.visitorHandlers(socket), app.log);
  });
}
