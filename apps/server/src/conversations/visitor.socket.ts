import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { schema } from '@hearth/db';
import { visitorCommandSchemas, type ConversationId, type VisitorClientToServerEvents } from '@hearth/protocol';
import { rooms } from '../plugins/io.ts';
import { registerCommands, type CommandHandlers } from '../realtime/commands.ts';
import { markReadByVisitor, recordPageView } from './conversation-actions.ts';
import {
  conversationSummary,
  latestVisitorConversation,
  messagesAfter,
  openConversationIdOf,
  visitorConversationView,
} from './conversation-queries.ts';
import { sendVisitorMessage } from './send-message.ts';
import { agentsOnline } from './availability.ts';
import { triggerStartData } from '../triggers/trigger-context.ts';

/** The visitor namespace: the widget's socket. Identity comes only from the signed token. */
export function registerVisitorSockets(app: FastifyInstance): void {
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

  nsp.on('connection', (socket) => {
    const { siteId, visitorId } = socket.data;
    void socket.join([rooms.visitor(visitorId), rooms.siteVisitors(siteId)]);
    void agentsOnline(app, siteId).then((online) => socket.emit('availability:changed', { agentsOnline: online }));

    const handlers: CommandHandlers<typeof visitorCommandSchemas, VisitorClientToServerEvents> = {
      'conversation:sync': ({ conversationId, afterSeq }) => {
        const conversation = latestVisitorConversation(db, visitorId);
        if (!conversation) return { conversation: null, messages: [] };
        // A different (newer) conversation than the client knows: send its whole history.
        const from = conversation.id === conversationId ? afterSeq : 0;
        return { conversation, messages: messagesAfter(db, conversation.id as ConversationId, from) };
      },

      'message:send': async ({ clientId, body, trigger }) => {
        const sent = await app.commits.run(() =>
          sendVisitorMessage(db, { siteId, visitorId, clientId, body, now: Date.now(), startData: triggerStartData(db, siteId, trigger) }),
        );
        const conversationId = sent.message.conversationId as ConversationId;
        const conversation = visitorConversationView(db, conversationId)!;
        if (!sent.duplicate) {
          nsp.to(rooms.visitor(visitorId)).emit('message:created', sent.message);
          const agents = app.agentNsp.to(rooms.siteAgents(siteId));
          if (sent.startedConversation) {
            nsp.to(rooms.visitor(visitorId)).emit('conversation:updated', conversation);
            const summary = conversationSummary(db, [siteId], conversationId);
            if (summary) agents.emit('conversation:created', summary);
          }
          agents.emit('message:created', sent.message);
        }
        return { message: sent.message, conversation };
      },

      'typing:set': ({ isTyping }) => {
        const conversationId = openConversationIdOf(db, visitorId);
        if (!conversationId) return null;
        app.agentNsp.to(rooms.conversation(conversationId)).emit('typing:changed', { conversationId, isTyping, name: null });
        return null;
      },

      'messages:read': async ({ conversationId, upToSeq }) => {
        const seq = await app.commits.run(() => markReadByVisitor(db, visitorId, conversationId, upToSeq));
        if (seq !== null) {
          app.agentNsp.to(rooms.conversation(conversationId)).emit('read:updated', { conversationId, upToSeq: seq });
        }
        return null;
      },

      'page:view': async (page) => {
        const now = Date.now();
        const { conversationId } = await app.commits.run(() => recordPageView(db, siteId, visitorId, page, now));
        app.agentNsp
          .to(rooms.siteAgents(siteId))
          .emit('visitor:page-viewed', { visitorId, conversationId, page: { ...page, viewedAt: now } });
        return null;
      },
    };
    registerCommands(socket, visitorCommandSchemas, handlers, app.log);
  });
}

