import { and, desc, eq, ne } from 'drizzle-orm';
import { schema, type HearthDb } from '@hearth/db';
import type { ConversationId, PastConversation, SiteId, VisitorDetails, VisitorId } from '@hearth/protocol';
import type { StoreTx } from '../store/store.ts';
import './visitor.store.ts';
import { parseStoredAttributes } from './visitor-profile.ts';
import { visitorEventsOf } from './visitor-events.ts';

const { conversations, visitors } = schema;

/** How many of the visitor's tracked events and other conversations the sidebar shows. */
const EVENTS_SHOWN = 50;
const PAST_SHOWN = 20;

/** The sidebar's view of a visitor of `siteId`; the caller has already checked the conversation is theirs to see. */
export async function detailsOfVisitor(read: StoreTx, siteId: SiteId, visitorId: VisitorId, currentConversation: ConversationId): Promise<VisitorDetails> {
  const row = await read.visitors.profile(siteId, visitorId);
  return {
    verified: row?.externalId != null,
    attributes: parseStoredAttributes(row?.attributes ?? '{}'),
    timeZone: row?.timeZone ?? null,
    language: row?.language ?? null,
    events: await read.visitors.events(visitorId, EVENTS_SHOWN),
    pastConversations: await read.visitors.pastConversations(visitorId, currentConversation, PAST_SHOWN),
  };
}

/**
 * @deprecated Synchronous SQLite read for code not yet behind the storage seam (conversations/);
 * use {@link detailsOfVisitor}.
 */
export function visitorDetails(db: HearthDb, visitorId: VisitorId, currentConversation: ConversationId): VisitorDetails {
  const row = db
    .select({ externalId: visitors.externalId, attributes: visitors.attributes, timeZone: visitors.timeZone, language: visitors.language })
    .from(visitors)
    .where(eq(visitors.id, visitorId))
    .get();
  const pastConversations: PastConversation[] = db
    .select({ id: conversations.id, status: conversations.status, createdAt: conversations.createdAt, lastMessage: conversations.lastMessageBody })
    .from(conversations)
    .where(and(eq(conversations.visitorId, visitorId), ne(conversations.id, currentConversation)))
    .orderBy(desc(conversations.createdAt))
    .limit(20)
    .all();
  return {
    verified: row?.externalId != null,
    attributes: parseStoredAttributes(row?.attributes ?? '{}'),
    timeZone: row?.timeZone ?? null,
    language: row?.language ?? null,
    events: visitorEventsOf(db, visitorId),
    pastConversations,
  };
}
