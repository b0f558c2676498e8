import type { FastifyInstance } from 'fastify';
import { agentCommandSchemas, type AgentClientToServerEvents, type ConversationId } from '@hearth/protocol';
import { agentForSession, agentSiteIds, SESSION_COOKIE } from '../auth/sessions.ts';
import { rooms } from '../plugins/io.ts';
import { CommandError, registerCommands, type CommandHandlers } from '../realtime/commands.ts';
import { announceAvailability } from './availability.ts';
import { claimConversation, closeConversation, markReadByAgent } from './conversation-actions.ts';
import {
  conversationSummary,
  messagesAfter,
  openConversations,
  recentPages,
  visitorConversationView,
  visitorProfile,
} from './conversation-queries.ts';
import { sendAgentMessage } from './send-message.ts';
import { startedByTrigger } from '../triggers/trigger-context.ts';

/** The agent namespace: the console's socket, authenticated by the session cookie. */
export function registerAgentSockets(app: FastifyInstance): void {
  const { db } = app.store;
  const nsp = app.agentNsp;

  nsp.use((socket, next) => {
    const cookies = app.parseCookie(socket.handshake.headers.cookie ?? '');
    const agent = agentForSession(db, cookies[SESSION_COOKIE], Date.now());
    if (!agent) {
      next(new Error('unauthorized'));
      return;
    }
    socket.data = { agentId: agent.agentId, agentName: agent.name, siteIds: agentSiteIds(db, agent.agentId) };
    void socket.join(rooms.agentSession(agent.tokenHash));
    next();
  });

  nsp.on('connection', (socket) => {
    const { agentId, agentName, siteIds } = socket.data;
    void socket.join(siteIds.map(rooms.siteAgents));
    void announceAvailability(app, siteIds);
    socket.on('disconnect', () => void announceAvailability(app, siteIds));

    const summaryOrThrow = (id: ConversationId) => {
      const summary = conversationSummary(db, siteIds, id);
      if (!summary) throw new CommandError('not_found', 'Conversation not found.');
      return summary;
    };
    /** Tells every agent of the site and the visitor's tabs about a changed conversation. */
    const broadcastUpdate = (id: ConversationId) => {
      const summary = summaryOrThrow(id);
      nsp.to(rooms.siteAgents(summary.siteId)).emit('conversation:updated', summary);
      const view = visitorConversationView(db, id);
      if (view) app.visitorNsp.to(rooms.visitor(summary.visitorId)).emit('conversation:updated', view);
      return summary;
    };

    const handlers: CommandHandlers<typeof agentCommandSchemas, AgentClientToServerEvents> = {
      'inbox:list': ({ siteId }) => {
        if (siteId && !siteIds.includes(siteId)) throw new CommandError('forbidden', 'You are not a member of that site.');
        return { conversations: openConversations(db, siteId ? [siteId] : siteIds) };
      },

      'conversation:open': async ({ conversationId }) => {
        const conversation = summaryOrThrow(conversationId);
        await socket.join(rooms.conversation(conversationId));
        return {
          conversation,
          messages: messagesAfter(db, conversationId, 0),
          visitor: visitorProfile(db, conversation.visitorId as never)!,
          pages: recentPages(db, conversation.visitorId as never),
          startedBy: startedByTrigger(db, conversationId),
        };
      },

      'conversation:sync': ({ conversationId, afterSeq }) => {
        summaryOrThrow(conversationId);
        return { messages: messagesAfter(db, conversationId, afterSeq) };
      },

      'message:send': async ({ conversationId, clientId, body }) => {
        const sent = await app.commits.run(() =>
          sendAgentMessage(db, { agentId, agentName, siteIds, conversationId, clientId, body, now: Date.now() }),
        );
        if (!sent.duplicate) {
          const summary = sent.claimed ? broadcastUpdate(conversationId) : summaryOrThrow(conversationId);
          app.visitorNsp.to(rooms.visitor(summary.visitorId)).emit('message:created', sent.message);
          nsp.to(rooms.siteAgents(summary.siteId)).emit('message:created', sent.message);
        }
        return { message: sent.message };
      },

      'typing:set': ({ conversationId, isTyping }) => {
        const summary = summaryOrThrow(conversationId);
        app.visitorNsp.to(rooms.visitor(summary.visitorId)).emit('typing:changed', { conversationId, isTyping, name: agentName });
        return null;
      },

      'messages:read': async ({ conversationId, upToSeq }) => {
        const seq = await app.commits.run(() => markReadByAgent(db, siteIds, conversationId, upToSeq));
        if (seq !== null) {
          const summary = broadcastUpdate(conversationId);
          app.visitorNsp.to(rooms.visitor(summary.visitorId)).emit('read:updated', { conversationId, upToSeq: seq });
        }
        return null;
      },

      'conversation:claim': async ({ conversationId }) => {
        await app.commits.run(() => claimConversation(db, agentId, siteIds, conversationId, Date.now()));
        return { conversation: broadcastUpdate(conversationId) };
      },

      'conversation:close': async ({ conversationId }) => {
        await app.commits.run(() => closeConversation(db, agentId, siteIds, conversationId, Date.now()));
        return { conversation: broadcastUpdate(conversationId) };
      },
    };
    registerCommands(socket, agentCommandSchemas, handlers, app.log);
  });
}
