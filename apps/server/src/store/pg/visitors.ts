import { and, desc, eq, isNull, ne, notInArray } from 'drizzle-orm';
import { pgSchema, type HearthPgDb } from '@hearth/db';
import type { SiteId, VisitorId } from '@hearth/protocol';
import type { VisitorStore } from '../../visitors/visitor.store.ts';
import { parseStoredAttributes } from '../../visitors/visitor-profile.ts';

const { conversations, pageViews, visitorEvents, visitors } = pgSchema;

export function pgVisitorStore(db: HearthPgDb): VisitorStore {
  const profileQuery = (siteId: SiteId, visitorId: VisitorId) =>
    db
      .select({ externalId: visitors.externalId, attributes: visitors.attributes, timeZone: visitors.timeZone, language: visitors.language })
      .from(visitors)
      .where(and(eq(visitors.id, visitorId), eq(visitors.siteId, siteId)));
  return {
    async create({ id, siteId, userAgent, externalId, now }) {
      await db.insert(visitors).values({ id, siteId, userAgent, createdAt: now, lastSeenAt: now, externalId });
    },

    async touchAnonymous(siteId, visitorId, { now, userAgent }) {
      const updated = await db
        .update(visitors)
        .set({ lastSeenAt: now, userAgent })
        .where(and(eq(visitors.id, visitorId), eq(visitors.siteId, siteId), isNull(visitors.externalId)))
        .returning({ id: visitors.id });
      return updated.length === 1;
    },

    async profile(siteId, visitorId) {
      const [row] = await profileQuery(siteId, visitorId);
      return row ?? null;
    },

    // Two tabs merging attributes at once: the second waits here for the first's COMMIT and merges into its result.
    async profileForUpdate(siteId, visitorId) {
      const [row] = await profileQuery(siteId, visitorId).for('update');
      return row ?? null;
    },

    async setProfile(visitorId, fields) {
      if (Object.keys(fields).length > 0) await db.update(visitors).set(fields).where(eq(visitors.id, visitorId));
    },

    async recordEvent(siteId, visitorId, input, now, keep) {
      const inserted = await db
        .insert(visitorEvents)
        .values({ siteId, visitorId, eventId: input.id, name: input.name, props: JSON.stringify(input.props ?? {}), at: input.at, receivedAt: now })
        .onConflictDoNothing()
        .returning({ id: visitorEvents.id });
      if (inserted.length === 0) return false;
      const kept = db
        .select({ id: visitorEvents.id })
        .from(visitorEvents)
        .where(eq(visitorEvents.visitorId, visitorId))
        .orderBy(desc(visitorEvents.at), desc(visitorEvents.id))
        .limit(keep);
      await db.delete(visitorEvents).where(and(eq(visitorEvents.visitorId, visitorId), notInArray(visitorEvents.id, kept)));
      return true;
    },

    async events(visitorId, limit) {
      const rows = await db
        .select({ id: visitorEvents.eventId, name: visitorEvents.name, props: visitorEvents.props, at: visitorEvents.at })
        .from(visitorEvents)
        .where(eq(visitorEvents.visitorId, visitorId))
        .orderBy(desc(visitorEvents.at), desc(visitorEvents.id))
        .limit(limit);
      return rows.map((e) => ({ ...e, props: parseStoredAttributes(e.props) }));
    },

    async recordPageView(siteId, visitorId, page, now) {
      await db.insert(pageViews).values({ siteId, visitorId, url: page.url, title: page.title, referrer: page.referrer, viewedAt: now });
      await db
        .update(visitors)
        .set({ currentUrl: page.url, currentTitle: page.title, lastSeenAt: now })
        .where(and(eq(visitors.id, visitorId), eq(visitors.siteId, siteId)));
    },

    async recentPageViews(visitorId, limit) {
      return db
        .select({ url: pageViews.url, title: pageViews.title, referrer: pageViews.referrer, viewedAt: pageViews.viewedAt })
        .from(pageViews)
        .where(eq(pageViews.visitorId, visitorId))
        .orderBy(desc(pageViews.viewedAt), desc(pageViews.id))
        .limit(limit);
    },

    async summary(visitorId) {
      const [row] = await db
        .select({
          id: visitors.id,
          siteId: visitors.siteId,
          name: visitors.name,
          email: visitors.email,
          userAgent: visitors.userAgent,
          createdAt: visitors.createdAt,
          lastSeenAt: visitors.lastSeenAt,
        })
        .from(visitors)
        .where(eq(visitors.id, visitorId));
      return row ?? null;
    },

    async pastConversations(visitorId, except, limit) {
      return db
        .select({ id: conversations.id, status: conversations.status, createdAt: conversations.createdAt, lastMessage: conversations.lastMessageBody })
        .from(conversations)
        .where(and(eq(conversations.visitorId, visitorId), ne(conversations.id, except)))
        .orderBy(desc(conversations.createdAt), desc(conversations.id))
        .limit(limit);
    },
  };
}
