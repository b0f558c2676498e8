import type { FastifyInstance } from 'fastify';
import type { ConversationId, VisitorClientToServerEvents, visitorCommandSchemas } from '@hearth/protocol';
import { rooms, type VisitorSocket } from '../plugins/io.ts';
import { CommandError, type CommandHandlers } from '../realtime/commands.ts';
import { endByVisitor } from '../closing/close-conversation.ts';
import { rateConversation, ratingOf } from '../csat/csat-store.ts';
import { transcriptOf } from '../transcripts/transcript-queries.ts';
import { assignWaiting } from '../routing/assignment.ts';
import { broadcastConversation, visitorView } from './broadcast.ts';
import { markReadByVisitor, recordPageView } from './conversation-actions.ts';
import { agentDisplay, messageForVisitor } from '../sites/agent-display.ts';
import { conversationSummary, latestVisitorConversation, messagesAfter, openConversationIdOf, ownsConversation } from './conversation-queries.ts';
import { sendVisitorMessage } from './send-message.ts';
import { triggerStartData } from '../triggers/trigger-context.ts';
import { messagePage, transcriptPage } from '../security/paging.ts';
import { updateVisitorProfile } from '../visitors/visitor-profile.ts';
import { recordVisitorEvent } from '../visitors/visitor-events.ts';

/** The widget's commands. Every lookup is the token's visitor's own. */
export function conversationVisitorCommands(
  app: FastifyInstance,
  socket: VisitorSocket,
): CommandHandlers<typeof visitorCommandSchemas, VisitorClientToServerEvents> {
  const { db } = app.sqlite;
  const { siteId, visitorId } = socket.data;

  return {
    'conversation:sync': ({ conversationId, afterSeq }) => {
      const latest = latestVisitorConversation(db, visitorId);
      if (!latest) return { conversation: null, messages: [], hasMore: false };
      // A different (newer) conversation than the client knows: its history from the start, paged.
      const from = latest.id === conversationId ? afterSeq : 0;
      const display = agentDisplay(db, siteId);
      const page = messagePage(messagesAfter(db, latest.id, from).map((m) => messageForVisitor(display, m)));
      return { conversation: visitorView(app, latest.id)!, ...page };
    },

    'message:send': async ({ clientId, body, departmentId, trigger }) => {
      const now = Date.now();
      // The first message and the routing decision commit together: a new conversation is never
      // seen half-started (stored but neither assigned nor queued).
      const { sent, assigned } = await app.commits.run(() => {
        const startData = triggerStartData(db, siteId, trigger);
        const sent = sendVisitorMessage(db, { siteId, visitorId, clientId, body, departmentId: departmentId ?? null, now, startData });
        return { sent, assigned: sent.startedConversation ? assignWaiting(db, siteId, now) : [] };
      });
      const conversationId = sent.message.conversationId as ConversationId;
      if (!sent.duplicate) {
        app.visitorNsp.to(rooms.visitor(visitorId)).emit('message:created', sent.message);
        const agents = app.agentNsp.to(rooms.siteAgents(siteId));
        if (sent.startedConversation || sent.reopened) {
          const summary = conversationSummary(db, [siteId], conversationId);
          if (summary) agents.emit('conversation:created', summary);
        }
        app.messageFanout.deliver(sent.message);
        if (sent.reopened) broadcastConversation(app, conversationId);
        if (sent.startedConversation) {
          // A new waiter joins at the back: nobody else's place changes, and the ack carries theirs.
          app.conversationRouter.afterAssigned(assigned);
          if (assigned.length > 1) app.conversationRouter.broadcastQueue(siteId);
        }
      }
      // Read once: the visitor's other tabs learn of a new conversation, and the ack carries the same view.
      const conversation = visitorView(app, conversationId)!;
      if (sent.startedConversation && !sent.duplicate) app.visitorNsp.to(rooms.visitor(visitorId)).emit('conversation:updated', conversation);
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
      if (seq !== null) app.agentNsp.to(rooms.conversation(conversationId)).emit('read:updated', { conversationId, upToSeq: seq });
      return null;
    },

    'page:view': async (page) => {
      const now = Date.now();
      const { conversationId } = await app.commits.run(() => recordPageView(db, siteId, visitorId, page, now));
      app.agentNsp.to(rooms.siteAgents(siteId)).emit('visitor:page-viewed', { visitorId, conversationId, page: { ...page, viewedAt: now } });
      return null;
    },

    // Closing, CSAT and transcripts (issue 5): use cases in closing/, csat/ and transcripts/.
    'conversation:end': async ({ conversationId }) => {
      const closed = await app.commits.run(() => endByVisitor(db, siteId, visitorId, conversationId, Date.now()));
      if (closed) {
        app.conversationRouter.accepted(conversationId);
        broadcastConversation(app, conversationId);
        await app.conversationRouter.drain(siteId);
      }
      const view = visitorView(app, conversationId);
      if (!view) throw new CommandError('not_found', 'Conversation not found.');
      return { conversation: view };
    },

    'csat:rate': async (rating) => {
      await app.commits.run(() => rateConversation(db, { ...rating, siteId, visitorId, now: Date.now() }));
      broadcastConversation(app, rating.conversationId);
      const stored = ratingOf(db, rating.conversationId);
      if (stored) app.agentNsp.to(rooms.siteAgents(siteId)).emit('conversation:rated', { conversationId: rating.conversationId, rating: stored });
      return { conversation: visitorView(app, rating.conversationId)! };
    },

    'transcript:get': ({ conversationId, after }) => {
      if (!ownsConversation(db, visitorId, conversationId)) throw new CommandError('not_found', 'Conversation not found.');
      return transcriptPage(transcriptOf(db, conversationId, agentDisplay(db, siteId)), after);
    },

    'visitor:update': async (update) => {
      const result = await app.commits.run(() => updateVisitorProfile(db, siteId, visitorId, update));
      if (!result.ok) {
        throw result.code === 'not_found'
          ? new CommandError('not_found', 'Visitor not found.')
          : new CommandError('invalid_payload', 'A visitor keeps at most 50 attributes.');
      }
      return null;
    },

    'visitor:track': async (event) => {
      const stored = await app.commits.run(() => recordVisitorEvent(db, siteId, visitorId, event, Date.now()));
      // Only agents looking at the visitor's open conversation need it live; others read it on open.
      const conversationId = stored ? openConversationIdOf(db, visitorId) : null;
      if (stored && conversationId) app.agentNsp.to(rooms.conversation(conversationId)).emit('visitor:tracked', { visitorId, conversationId, event: stored });
      return null;
    },
  };
}
