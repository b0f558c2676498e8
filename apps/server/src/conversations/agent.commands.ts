import type { FastifyInstance } from 'fastify';
import type { AgentClientToServerEvents, ConversationId, agentCommandSchemas } from '@hearth/protocol';
import { rooms, type AgentSocket } from '../plugins/io.ts';
import { CommandError, type CommandHandlers } from '../realtime/commands.ts';
import { broadcastConversation } from './broadcast.ts';
import { claimConversation, closeConversation, markReadByAgent } from './conversation-actions.ts';
import { agentDisplay, messageForVisitor } from '../sites/agent-display.ts';
import { conversationSummary, currentSessionPages, messagesAfter, openConversations, visitorProfile } from './conversation-queries.ts';
import { sendAgentMessage } from './send-message.ts';
import { messagePage } from '../security/paging.ts';
import { ratingOf } from '../csat/csat-store.ts';
import { startedByTrigger } from '../triggers/trigger-context.ts';
import { visitorDetails } from '../visitors/visitor-details.ts';

type ConversationCommand =
  | 'inbox:list'
  | 'conversation:open'
  | 'conversation:sync'
  | 'message:send'
  | 'typing:set'
  | 'messages:read'
  | 'conversation:claim'
  | 'conversation:close';

/** The chat commands of the console: reading, replying, claiming, closing. */
export function conversationAgentCommands(
  app: FastifyInstance,
  socket: AgentSocket,
): Pick<CommandHandlers<typeof agentCommandSchemas, AgentClientToServerEvents>, ConversationCommand> {
  const { db } = app.sqlite;
  const { agentId, agentName, siteIds } = socket.data;

  const summaryOrThrow = (id: ConversationId) => {
    const summary = conversationSummary(db, siteIds, id);
    if (!summary) throw new CommandError('not_found', 'Conversation not found.');
    return summary;
  };

  return {
    'inbox:list': ({ siteId }) => {
      if (siteId && !siteIds.includes(siteId)) throw new CommandError('forbidden', 'You are not a member of that site.');
      return { conversations: openConversations(db, siteId ? [siteId] : siteIds) };
    },

    'conversation:open': async ({ conversationId }) => {
      const conversation = summaryOrThrow(conversationId);
      await socket.join(rooms.conversation(conversationId));
      const { messages, hasMore } = messagePage(messagesAfter(db, conversationId, 0));
      return {
        conversation,
        messages,
        hasMoreMessages: hasMore,
        visitor: visitorProfile(db, conversation.visitorId)!,
        pages: currentSessionPages(db, conversation.visitorId),
        rating: ratingOf(db, conversationId),
        startedBy: startedByTrigger(db, conversationId),
        notes: await app.store.read.notes.listOf(conversationId),
        visitorDetails: visitorDetails(db, conversation.visitorId, conversationId),
      };
    },

    'conversation:sync': ({ conversationId, afterSeq }) => {
      summaryOrThrow(conversationId);
      return messagePage(messagesAfter(db, conversationId, afterSeq));
    },

    'message:send': async ({ conversationId, clientId, body }) => {
      const sent = await app.commits.run(() => sendAgentMessage(db, { agentId, agentName, siteIds, conversationId, clientId, body, now: Date.now() }));
      if (!sent.duplicate) {
        app.conversationRouter.accepted(conversationId);
        const summary = sent.claimed ? broadcastConversation(app, conversationId)! : summaryOrThrow(conversationId);
        app.visitorNsp.to(rooms.visitor(summary.visitorId)).emit('message:created', messageForVisitor(agentDisplay(db, summary.siteId), sent.message));
        app.messageFanout.deliver(sent.message);
        if (sent.claimed) app.conversationRouter.broadcastQueue(summary.siteId);
      }
      return { message: sent.message };
    },

    'typing:set': ({ conversationId, isTyping }) => {
      const summary = summaryOrThrow(conversationId);
      const display = agentDisplay(db, summary.siteId);
      app.visitorNsp.to(rooms.visitor(summary.visitorId)).emit('typing:changed', { conversationId, isTyping, name: display.showAgents ? agentName : display.siteName });
      return null;
    },

    'messages:read': async ({ conversationId, upToSeq }) => {
      const seq = await app.commits.run(() => markReadByAgent(db, siteIds, conversationId, upToSeq));
      if (seq !== null) {
        const summary = broadcastConversation(app, conversationId)!;
        app.visitorNsp.to(rooms.visitor(summary.visitorId)).emit('read:updated', { conversationId, upToSeq: seq });
      }
      return null;
    },

    'conversation:claim': async ({ conversationId }) => {
      await app.commits.run(() => claimConversation(db, agentId, siteIds, conversationId, Date.now()));
      app.conversationRouter.accepted(conversationId);
      const conversation = broadcastConversation(app, conversationId)!;
      app.conversationRouter.broadcastQueue(conversation.siteId);
      return { conversation };
    },

    'conversation:close': async ({ conversationId }) => {
      await app.commits.run(() => closeConversation(db, agentId, siteIds, conversationId, Date.now()));
      app.conversationRouter.accepted(conversationId);
      const conversation = broadcastConversation(app, conversationId)!;
      // A slot just freed: the oldest waiting conversation gets it now, not on some later tick.
      await app.conversationRouter.drain(conversation.siteId);
      return { conversation };
    },
  };
}
