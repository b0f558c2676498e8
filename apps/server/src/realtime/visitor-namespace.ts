import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { schema } from '@hearth/db';
import { visitorCommandSchemas } from '@hearth/protocol';
import { rooms, type VisitorSocket } from '../plugins/io.ts';
import { conversationVisitorCommands } from '../conversations/visitor.commands.ts';
import { agentsOnline } from '../routing/availability.ts';
import { registerCommands } from './commands.ts';

/** The visitor namespace: the widget's socket. Identity comes only from the signed token. */
export function registerVisitorNamespace(app: FastifyInstance): void {
  const { db } = app.store;
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
    socket.emit('availability:changed', { agentsOnline: agentsOnline(app, siteId) });
    registerCommands(socket, visitorCommandSchemas, conversationVisitorCommands(app, socket), app.log);
  });
}
