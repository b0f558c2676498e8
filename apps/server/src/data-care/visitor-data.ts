import { and, eq, inArray } from 'drizzle-orm';
import { schema, type HearthDb } from '@hearth/db';
import type { AgentId, VisitorId } from '@hearth/protocol';

const { conversationEvents, conversations, memberships, messages, pageViews, visitors } = schema;

/** The visitor's site if `agentId` owns it; null for agents, other sites' owners and unknown ids alike. */
export function siteOwnedBy(db: HearthDb, agentId: AgentId, visitorId: VisitorId): string | null {
  const row = db
    .select({ siteId: visitors.siteId })
    .from(visitors)
    .innerJoin(memberships, and(eq(memberships.siteId, visitors.siteId), eq(memberships.agentId, agentId), eq(memberships.role, 'owner')))
    .where(eq(visitors.id, visitorId))
    .get();
  return row?.siteId ?? null;
}

/** Everything Hearth holds about one visitor (a data-subject access request). */
export function exportVisitor(db: HearthDb, visitorId: VisitorId) {
  const visitor = db.select().from(visitors).where(eq(visitors.id, visitorId)).get();
  const convs = db.select().from(conversations).where(eq(conversations.visitorId, visitorId)).all();
  const ids = convs.map((c) => c.id);
  return {
    visitor,
    conversations: convs,
    messages: ids.length ? db.select().from(messages).where(inArray(messages.conversationId, ids)).orderBy(messages.conversationId, messages.seq).all() : [],
    events: ids.length ? db.select().from(conversationEvents).where(inArray(conversationEvents.conversationId, ids)).all() : [],
    pageViews: db.select().from(pageViews).where(eq(pageViews.visitorId, visitorId)).all(),
  };
}

/**
 * Erases a visitor and everything about them. Must run inside one transaction (app.commits.run),
 * so an erase is all or nothing. Deletes are explicit, child rows
 * first, rather than trusting cascades: a table another feature adds must be listed here too
 * (the erase test scans every table for leftovers, so a forgotten one fails it).
 */
export function eraseVisitor(db: HearthDb, visitorId: VisitorId): { messages: number; conversations: number } {
  const ids = db.select({ id: conversations.id }).from(conversations).where(eq(conversations.visitorId, visitorId)).all().map((c) => c.id);
  let removed = 0;
  if (ids.length) {
    removed = db.delete(messages).where(inArray(messages.conversationId, ids)).run().changes;
    db.delete(conversationEvents).where(inArray(conversationEvents.conversationId, ids)).run();
    db.delete(conversations).where(inArray(conversations.id, ids)).run();
  }
  db.delete(pageViews).where(eq(pageViews.visitorId, visitorId)).run();
  db.delete(visitors).where(eq(visitors.id, visitorId)).run();
  return { messages: removed, conversations: ids.length };
}
