import { asc, eq, sql } from 'drizzle-orm';
import { preparedStatements, schema, type HearthDb } from '@hearth/db';
import type { ConversationId, SiteId } from '@hearth/protocol';

/**
 * Event types recorded beside messages. Features add theirs here so transcripts and reports can
 * switch over one list. `conversation.started` carries `{ triggerId, triggerName, evidence, timeline, prompt }`
 * when the visitor started it by replying to a proactive prompt (triggers/trigger-context.ts).
 */
export type ConversationEventType =
  | 'conversation.started'
  | 'conversation.assigned'
  | 'conversation.closed'
  | 'conversation.missed'
  | 'conversation.requeued'
  | 'conversation.transferred'
  // issue 5 (closing and CSAT):
  | 'conversation.reopened'
  | 'csat.rated';

export interface ConversationEventInput {
  conversationId: ConversationId;
  siteId: SiteId;
  type: ConversationEventType;
  actor: { type: 'visitor' | 'agent' | 'system'; id: string | null };
  data?: Record<string, unknown>;
  now: number;
}

const statements = preparedStatements((db: HearthDb) => {
  const p = (name: string) => sql`${sql.placeholder(name)}`;
  return {
    insert: db
      .insert(schema.conversationEvents)
      .values({ conversationId: p('conversationId'), siteId: p('siteId'), type: p('type'), actorType: p('actorType'), actorId: p('actorId'), data: p('data'), createdAt: p('now') })
      .prepare(),
  };
});

/** Runs inside the caller's transaction, so the event and the change it describes commit together. */
export function recordEvent(db: HearthDb, event: ConversationEventInput): void {
  statements(db).insert.run({
    conversationId: event.conversationId,
    siteId: event.siteId,
    type: event.type,
    actorType: event.actor.type,
    actorId: event.actor.id,
    data: JSON.stringify(event.data ?? {}),
    now: event.now,
  });
}

export function eventsOf(db: HearthDb, conversationId: ConversationId) {
  return db
    .select()
    .from(schema.conversationEvents)
    .where(eq(schema.conversationEvents.conversationId, conversationId))
    .orderBy(asc(schema.conversationEvents.id))
    .all()
    .map((e) => ({ ...e, data: JSON.parse(e.data) as Record<string, unknown> }));
}
