import type { FastifyInstance } from 'fastify';
import type { ConversationId, SiteId } from '@hearth/protocol';
import { rooms } from '../plugins/io.ts';
import { conversationSummary, visitorConversationView } from '../conversations/conversation-queries.ts';

/** After a commit: tells the site's agents and the visitor's tabs that a conversation changed. */
export function announceConversation(app: FastifyInstance, siteId: SiteId, id: ConversationId): void {
  const { db } = app.store;
  const summary = conversationSummary(db, [siteId], id);
  if (summary) app.agentNsp.to(rooms.siteAgents(siteId)).emit('conversation:updated', summary);
  const view = visitorConversationView(db, id);
  if (summary && view) app.visitorNsp.to(rooms.visitor(summary.visitorId)).emit('conversation:updated', view);
}
