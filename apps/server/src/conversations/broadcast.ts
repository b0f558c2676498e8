import type { FastifyInstance } from 'fastify';
import type { ConversationId, ConversationSummary, VisitorConversation } from '@hearth/protocol';
import { rooms } from '../plugins/io.ts';
import { conversationSummaryForBroadcast, visitorConversationView } from './conversation-queries.ts';

/**
 * Tells every agent of the site and all the visitor's tabs that a conversation changed
 * (assignment, status, read markers). Reads after the commit, so it never announces a rollback.
 */
export function broadcastConversation(app: FastifyInstance, conversationId: ConversationId): ConversationSummary | null {
  const { db } = app.sqlite;
  const summary = conversationSummaryForBroadcast(db, conversationId);
  if (!summary) return null;
  app.agentNsp.to(rooms.siteAgents(summary.siteId)).emit('conversation:updated', summary);
  const view = visitorView(app, conversationId);
  if (view) app.visitorNsp.to(rooms.visitor(summary.visitorId)).emit('conversation:updated', view);
  return summary;
}

/**
 * The visitor's view of a conversation, with their live place in line. This runs for every
 * message's ack, so the queue is only looked up for a conversation that can be waiting (open and
 * unassigned); an assigned one has no place in line.
 */
export function visitorView(app: FastifyInstance, conversationId: ConversationId): VisitorConversation | null {
  const view = visitorConversationView(app.sqlite.db, conversationId);
  if (!view) return null;
  const waiting = view.status === 'open' && view.assignedAgentName === null;
  return { ...view, queue: waiting ? app.conversationRouter.queueOf(conversationId) : null };
}
