import type { ConversationId, PageView, PageViewInput, PastConversation, SiteId, VisitorEvent, VisitorId, VisitorProfile } from '@hearth/protocol';
import type { TrackInput } from './visitor-events.ts';

/** The profile columns a visitor update may set (visitors/visitor-profile.ts decides which). */
export interface VisitorProfileFields {
  /** A flat JSON object (VisitorAttributesSchema), stored as text. */
  attributes?: string;
  timeZone?: string | null;
  language?: string | null;
  name?: string;
  email?: string;
}

/** What the sidebar and profile updates read of a visitor. */
export interface VisitorProfileRow {
  /** The host's user id from a verified identify; null for an anonymous visitor. */
  externalId: string | null;
  /** Stored JSON text of the attributes. */
  attributes: string;
  timeZone: string | null;
  language: string | null;
}

/** Widget visitors: their rows, profiles and `Hearth('track')` events. */
export interface VisitorStore {
  /** Inserts a visitor (a fresh widget session). */
  create(visitor: { id: VisitorId; siteId: SiteId; userAgent: string | null; externalId: string | null; now: number }): Promise<void>;
  /**
   * Marks an anonymous visitor of the site as seen now; false when there is no such visitor or it
   * is identified (a token of an identified visitor is not reused anonymously).
   */
  touchAnonymous(siteId: SiteId, visitorId: VisitorId, seen: { now: number; userAgent: string | null }): Promise<boolean>;
  /** The visitor's profile, or null when it is not the site's. */
  profile(siteId: SiteId, visitorId: VisitorId): Promise<VisitorProfileRow | null>;
  /**
   * {@link profile} for a read-then-write in a unit: on PostgreSQL the row is read `FOR UPDATE`, so
   * two tabs merging attributes at once do not lose each other's keys.
   */
  profileForUpdate(siteId: SiteId, visitorId: VisitorId): Promise<VisitorProfileRow | null>;
  /** Sets the given profile columns (an empty object writes nothing). */
  setProfile(visitorId: VisitorId, fields: VisitorProfileFields): Promise<void>;
  /**
   * Stores a tracked event unless (visitor, event id) is already stored (the loader replays a
   * visit's events), then keeps only the newest `keep` by (at, id). Returns whether it was new.
   * One unit; the unique index makes a concurrent replay a no-op (ON CONFLICT DO NOTHING).
   */
  recordEvent(siteId: SiteId, visitorId: VisitorId, input: TrackInput, now: number, keep: number): Promise<boolean>;
  /** The visitor's tracked events, newest first (props parsed; unreadable ones read as {}). */
  events(visitorId: VisitorId, limit: number): Promise<VisitorEvent[]>;
  /** Records a page view and makes it the visitor's current page (seen now). Two rows, one unit. */
  recordPageView(siteId: SiteId, visitorId: VisitorId, page: PageViewInput, now: number): Promise<void>;
  /** The newest `limit` page views, newest first (ties by insertion, newest first). */
  recentPageViews(visitorId: VisitorId, limit: number): Promise<PageView[]>;
  /** Who the visitor is, as agents see them on a conversation, or null. */
  summary(visitorId: VisitorId): Promise<VisitorProfile | null>;
  /** The visitor's conversations other than `except`, newest first. */
  pastConversations(visitorId: VisitorId, except: ConversationId, limit: number): Promise<PastConversation[]>;
}

declare module '../store/store.ts' {
  interface StoreTx {
    visitors: VisitorStore;
  }
}
