import { and, desc, eq, notInArray } from 'drizzle-orm';
import { schema, type HearthDb } from '@hearth/db';
import { VISITOR_EVENTS_KEPT, type SiteId, type VisitorAttributes, type VisitorEvent, type VisitorId } from '@hearth/protocol';
import type { StoreTx } from '../store/store.ts';
import { parseStoredAttributes } from './visitor-profile.ts';
import './visitor.store.ts';

const { visitorEvents } = schema;

export interface TrackInput {
  id: string;
  name: string;
  props?: VisitorAttributes | undefined;
  at: number;
}

/**
 * Stores one `Hearth('track')` event in the caller's unit. The loader replays a visit's recent
 * events on every frame load, so (visitor, id) is the idempotency key; only the newest
 * VISITOR_EVENTS_KEPT are kept, so a chatty page cannot grow a visitor's history without bound.
 * Returns the event when it is new, null for a replay.
 */
export async function trackVisitorEvent(tx: StoreTx, siteId: SiteId, visitorId: VisitorId, input: TrackInput, now: number): Promise<VisitorEvent | null> {
  if (!(await tx.visitors.recordEvent(siteId, visitorId, input, now, VISITOR_EVENTS_KEPT))) return null;
  return { id: input.id, name: input.name, props: input.props ?? {}, at: input.at };
}

/**
 * @deprecated Synchronous SQLite write for code not yet behind the storage seam (conversations/);
 * use {@link trackVisitorEvent} in a unit.
 *
 * Stores one `Hearth('track')` event. The loader replays a visit's recent events on every frame
 * load, so (visitor, id) is the idempotency key; only the newest VISITOR_EVENTS_KEPT are kept, so a
 * chatty page cannot grow a visitor's history without bound. Returns the event when it is new.
 */
export function recordVisitorEvent(db: HearthDb, siteId: SiteId, visitorId: VisitorId, input: TrackInput, now: number): VisitorEvent | null {
  return db.transaction((tx) => {
    const inserted = tx
      .insert(visitorEvents)
      .values({ siteId, visitorId, eventId: input.id, name: input.name, props: JSON.stringify(input.props ?? {}), at: input.at, receivedAt: now })
      .onConflictDoNothing()
      .run();
    if (inserted.changes === 0) return null;
    const keep = tx
      .select({ id: visitorEvents.id })
      .from(visitorEvents)
      .where(eq(visitorEvents.visitorId, visitorId))
      .orderBy(desc(visitorEvents.at), desc(visitorEvents.id))
      .limit(VISITOR_EVENTS_KEPT);
    tx.delete(visitorEvents).where(and(eq(visitorEvents.visitorId, visitorId), notInArray(visitorEvents.id, keep))).run();
    return { id: input.id, name: input.name, props: input.props ?? {}, at: input.at };
  });
}

/** @deprecated Newest first; use `store.read.visitors.events`. */
export function visitorEventsOf(db: HearthDb, visitorId: VisitorId, limit = 50): VisitorEvent[] {
  return db
    .select({ id: visitorEvents.eventId, name: visitorEvents.name, props: visitorEvents.props, at: visitorEvents.at })
    .from(visitorEvents)
    .where(eq(visitorEvents.visitorId, visitorId))
    .orderBy(desc(visitorEvents.at), desc(visitorEvents.id))
    .limit(limit)
    .all()
    .map((e) => ({ ...e, props: parseStoredAttributes(e.props) }));
}
