import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { schema, type HearthDb } from '@hearth/db';
import type { AgentId, ConversationId, PageViewInput, SiteId, VisitorId } from '@hearth/protocol';
import { CommandError } from '../realtime/commands.ts';
import { openConversationIdOf } from './conversation-queries.ts';
import { recordEvent } from './conversation-events.ts';
import { closeByAgent } from '../closing/close-conversation.ts';

const { conversations, pageViews, visitors } = schema;

function scopedToSites(siteIds: readonly SiteId[], id: ConversationId) {
  return and(eq(conversations.id, id), inArray(conversations.siteId, [...siteIds]));
}

function requireConversation(db: HearthDb, siteIds: readonly SiteId[], id: ConversationId) {
  const row =
    siteIds.length > 0
      ? db
          .select({ status: conversations.status, assignedAgentId: conversations.assignedAgentId, siteId: conversations.siteId })
          .from(conversations)
          .where(scopedToSites(siteIds, id))
          .get()
      : undefined;
  if (!row) throw new CommandError('not_found', 'Conversation not found.');
  return row;
}

/** Takes an unassigned open conversation; a conditional update, so two agents cannot both win. */
export function claimConversation(db: HearthDb, agentId: AgentId, siteIds: readonly SiteId[], id: ConversationId, now: number): void {
  const current = requireConversation(db, siteIds, id);
  if (current.status !== 'open') throw new CommandError('conversation_closed', 'This conversation is closed.');
  if (current.assignedAgentId === agentId) return;
  const result = db
    .update(conversations)
    .set({ assignedAgentId: agentId, assignedAt: now, acceptedAt: now, queuedAt: null, updatedAt: now })
    .where(and(scopedToSites(siteIds, id), eq(conversations.status, 'open'), isNull(conversations.assignedAgentId)))
    .run();
  if (result.changes === 0) throw new CommandError('conflict', 'Another agent already has this conversation.');
  recordEvent(db, { conversationId: id, siteId: current.siteId, type: 'conversation.assigned', actor: { type: 'agent', id: agentId }, data: { agentId, reason: 'claimed' }, now });
}

export function closeConversation(db: HearthDb, agentId: AgentId, siteIds: readonly SiteId[], id: ConversationId, now: number): void {
  const current = requireConversation(db, siteIds, id);
  if (current.status === 'closed') return;
  closeByAgent(db, agentId, current.siteId, id, now);
}

/**
 * Read markers only move forward and never past the last message, so a replayed or forged
 * `upToSeq` cannot mark unsent messages as read. Returns the new marker, or null if unchanged.
 */
export function markReadByAgent(db: HearthDb, siteIds: readonly SiteId[], id: ConversationId, upToSeq: number): number | null {
  requireConversation(db, siteIds, id);
  return advanceReadMarker(db, eq(conversations.id, id), 'agent', upToSeq);
}

export function markReadByVisitor(db: HearthDb, visitorId: VisitorId, id: ConversationId, upToSeq: number): number | null {
  return advanceReadMarker(db, and(eq(conversations.id, id), eq(conversations.visitorId, visitorId))!, 'visitor', upToSeq);
}

function advanceReadMarker(db: HearthDb, where: ReturnType<typeof eq>, reader: 'agent' | 'visitor', upToSeq: number): number | null {
  const column = reader === 'agent' ? conversations.agentReadSeq : conversations.visitorReadSeq;
  const row = db
    .update(conversations)
    .set(reader === 'agent' ? { agentReadSeq: sql`min(${upToSeq}, last_seq)` } : { visitorReadSeq: sql`min(${upToSeq}, last_seq)` })
    .where(and(where, sql`${column} < min(${upToSeq}, last_seq)`))
    .returning({ seq: column })
    .get();
  return row?.seq ?? null;
}

/** Records where the visitor is; returns the open conversation to tell agents about, if any. */
export function recordPageView(
  db: HearthDb,
  siteId: SiteId,
  visitorId: VisitorId,
  page: PageViewInput,
  now: number,
): { conversationId: ConversationId | null } {
  db.insert(pageViews).values({ siteId, visitorId, url: page.url, title: page.title, referrer: page.referrer, viewedAt: now }).run();
  db.update(visitors)
    .set({ currentUrl: page.url, currentTitle: page.title, lastSeenAt: now })
    .where(and(eq(visitors.id, visitorId), eq(visitors.siteId, siteId)))
    .run();
  return { conversationId: openConversationIdOf(db, visitorId) };
}
