import { and, desc, eq, ne } from 'drizzle-orm';
import { schema, type HearthDb } from '@hearth/db';
import type { ConversationId, PastConversation, VisitorDetails, VisitorId } from '@hearth/protocol';
import { parseStoredAttributes } from './visitor-profile.ts';
import { visitorEventsOf } from './visitor-events.ts';

const { conversations, visitors } = schema;

/** The sidebar's view of a visitor; the caller has already checked the conversation is theirs to see. */
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
