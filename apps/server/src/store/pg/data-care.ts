import { and, asc, eq, inArray } from 'drizzle-orm';
import { pgSchema, type HearthPgDb } from '@hearth/db';
import type { DataCareStore } from '../../data-care/data-care.store.ts';

const { conversationEvents, conversations, memberships, messages, pageViews, visitors } = pgSchema;

export function pgDataCareStore(db: HearthPgDb): DataCareStore {
  return {
    async siteOwnedBy(agentId, visitorId) {
      const [row] = await db
        .select({ siteId: visitors.siteId })
        .from(visitors)
        .innerJoin(memberships, and(eq(memberships.siteId, visitors.siteId), eq(memberships.agentId, agentId), eq(memberships.role, 'owner')))
        .where(eq(visitors.id, visitorId));
      return row?.siteId ?? null;
    },

    async exportVisitor(visitorId) {
      const [visitor] = await db.select().from(visitors).where(eq(visitors.id, visitorId));
      const convs = await db.select().from(conversations).where(eq(conversations.visitorId, visitorId));
      const ids = convs.map((c) => c.id);
      return {
        visitor: visitor ?? null,
        conversations: convs,
        messages: ids.length ? await db.select().from(messages).where(inArray(messages.conversationId, ids)).orderBy(messages.conversationId, messages.seq) : [],
        events: ids.length ? await db.select().from(conversationEvents).where(inArray(conversationEvents.conversationId, ids)).orderBy(asc(conversationEvents.id)) : [],
        pageViews: await db.select().from(pageViews).where(eq(pageViews.visitorId, visitorId)).orderBy(asc(pageViews.id)),
      };
    },

    // Child rows first, as on SQLite. The conversations are locked first so a message arriving on
    // another node for one of them waits for the erasure (and then finds no conversation).
    async eraseVisitor(visitorId) {
      const ids = (await db.select({ id: conversations.id }).from(conversations).where(eq(conversations.visitorId, visitorId)).for('update')).map((c) => c.id);
      let removed = 0;
      if (ids.length) {
        removed = (await db.delete(messages).where(inArray(messages.conversationId, ids)).returning({ id: messages.id })).length;
        await db.delete(conversationEvents).where(inArray(conversationEvents.conversationId, ids));
        await db.delete(conversations).where(inArray(conversations.id, ids));
      }
      await db.delete(pageViews).where(eq(pageViews.visitorId, visitorId));
      await db.delete(visitors).where(eq(visitors.id, visitorId));
      return { messages: removed, conversations: ids.length };
    },
  };
}
