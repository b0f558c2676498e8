import { and, desc, eq, isNull, ne, notInArray } from 'drizzle-orm';
import { schema, type HearthDb } from '@hearth/db';
import type { VisitorStore } from '../../visitors/visitor.store.ts';
import { parseStoredAttributes } from '../../visitors/visitor-profile.ts';

const { conversations, pageViews, visitorEvents, visitors } = schema;

export function sqliteVisitorStore(db: HearthDb): VisitorStore {
  const profile: VisitorStore['profile'] = async (siteId, visitorId) =>
    db
      .select({ externalId: visitors.externalId, attributes: visitors.attributes, timeZone: visitors.timeZone, language: visitors.language })
      .from(visitors)
      .where(and(eq(visitors.id, visitorId), eq(visitors.siteId, siteId)))
      .get() ?? null;
  return {
    async create({ id, siteId, userAgent, externalId, now }) {
      db.insert(visitors).values({ id, siteId, userAgent, createdAt: now, lastSeenAt: now, externalId }).run();
    },

    async touchAnonymous(siteId, visitorId, { now, userAgent }) {
      const updated = db
        .update(visitors)
        .set({ lastSeenAt: now, userAgent })
        .where(and(eq(visitors.id, visitorId), eq(visitors.siteId, siteId), isNull(visitors.externalId)))
        .run();
      return updated.changes === 1;
    },

    profile,
    // One writer on SQLite: the unit's read and write cannot interleave with another's.
    profileForUpdate: profile,

    async setProfile(visitorId, fields) {
      if (Object.keys(fields).length > 0) db.update(visitors).set(fields).where(eq(visitors.id, visitorId)).run();
    },

    async recordEvent(siteId, visitorId, input, now, keep) {
      const inserted = db
        .insert(visitorEvents)
        .values({ siteId, visitorId, eventId: input.id, name: input.name, props: JSON.stringify(input.props ?? {}), at: input.at, receivedAt: now })
        .onConflictDoNothing()
        .run();
      if (inserted.changes === 0) return false;
      const kept = db
        .select({ id: visitorEvents.id })
        .from(visitorEvents)
        .where(eq(visitorEvents.visitorId, visitorId))
        .orderBy(desc(visitorEvents.at), desc(visitorEvents.id))
        .limit(keep);
      db.delete(visitorEvents).where(and(eq(visitorEvents.visitorId, visitorId), notInArray(visitorEvents.id, kept))).run();
      return true;
    },

    async events(visitorId, limit) {
      return db
        .select({ id: visitorEvents.eventId, name: visitorEvents.name, props: visitorEvents.props, at: visitorEvents.at })
        .from(visitorEvents)
        .where(eq(visitorEvents.visitorId, visitorId))
        .orderBy(desc(visitorEvents.at), desc(visitorEvents.id))
        .limit(limit)
        .all()
        .map((e) => ({ ...e, props: parseStoredAttributes(e.props) }));
    },

    async recordPageView(siteId, visitorId, page, now) {
      db.insert(pageViews).values({ siteId, visitorId, url: page.url, title: page.title, referrer: page.referrer, viewedAt: now }).run();
      db.update(visitors)
        .set({ currentUrl: page.url, currentTitle: page.title, lastSeenAt: now })
        .where(and(eq(visitors.id, visitorId), eq(visitors.siteId, siteId)))
        .run();
    },

    async recentPageViews(visitorId, limit) {
      return db
        .select({ url: pageViews.url, title: pageViews.title, referrer: pageViews.referrer, viewedAt: pageViews.viewedAt })
        .from(pageViews)
        .where(eq(pageViews.visitorId, visitorId))
        .orderBy(desc(pageViews.viewedAt), desc(pageViews.id))
        .limit(limit)
        .all();
    },

    async summary(visitorId) {
      return (
        db
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
          .where(eq(visitors.id, visitorId))
          .get() ?? null
      );
    },

    async pastConversations(visitorId, except, limit) {
      return db
        .select({ id: conversations.id, status: conversations.status, createdAt: conversations.createdAt, lastMessage: conversations.lastMessageBody })
        .from(conversations)
        .where(and(eq(conversations.visitorId, visitorId), ne(conversations.id, except)))
        .orderBy(desc(conversations.createdAt), desc(conversations.id))
        .limit(limit)
        .all();
    },
  };
}
