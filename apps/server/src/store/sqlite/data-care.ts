import { and, eq, inArray } from 'drizzle-orm';
import { schema, type HearthDb } from '@hearth/db';
import type { AgentId, SiteId, VisitorId } from '@hearth/protocol';
import type { DataCareStore, VisitorExport } from '../../data-care/data-care.store.ts';

const { conversationEvents, conversations, memberships, messages, pageViews, visitors } = schema;

export function sqliteDataCareStore(db: HearthDb): DataCareStore {
  return {
    siteOwnedBy: async (agentId, visitorId) => siteOwnedBy(db, agentId, visitorId),
    exportVisitor: async (visitorId) => exportVisitor(db, visitorId),
    eraseVisitor: async (visitorId) => eraseVisitor(db, visitorId),
  };
}

function siteOwnedBy(db: HearthDb, agentId: AgentId, visitorId: VisitorId): SiteId | null {
  const row = db
    .select({ siteId: visitors.siteId })
    .from(visitors)
    .innerJoin(memberships, and(eq(memberships.siteId, visitors.siteId), eq(memberships.agentId, agentId), eq(memberships.role, 'owner')))
    .where(eq(visitors.id, visitorId))
    .get();
  return row?.siteId ?? null;
}

function exportVisitor(db: HearthDb, visitorId: VisitorId): VisitorExport {
  const visitor = db.select().from(visitors).where(eq(visitors.id, visitorId)).get();
  const convs = db.select().from(conversations).where(eq(conversations.visitorId, visitorId)).all();
  const ids = convs.map((c) => c.id);
  return {
    visitor: visitor ?? null,
    conversations: convs,
    messages: ids.length ? db.select().from(messages).where(inArray(messages.conversationId, ids)).orderBy(messages.conversationId, messages.seq).all() : [],
    events: ids.length ? db.select().from(conversationEvents).where(inArray(conversationEvents.conversationId, ids)).all() : [],
    pageViews: db.select().from(pageViews).where(eq(pageViews.visitorId, visitorId)).all(),
  };
}

/** Child rows first; every table holding visitor data is listed (see DataCareStore.eraseVisitor). */
function eraseVisitor(db: HearthDb, visitorId: VisitorId): { messages: number; conversations: number } {
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
