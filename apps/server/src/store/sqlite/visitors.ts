import { and, desc, eq, isNull, ne, notInArray } from 'drizzle-orm';
import { schema, type HearthDb } from '@hearth/db';
import type { VisitorStore } from '../../visitors/visitor.store.ts';
import { parseStoredAttributes } from '../../visitors/visitor-profile.ts';

const { conversations, visitorEvents, visitors } = schema;

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
