import { asc, eq, sql, type SQL } from 'drizzle-orm';
import { schema, type HearthDb } from '@hearth/db';
import { TRANSCRIPT_SEARCH_LIMIT, type SiteId, type TranscriptSearchHit } from '@hearth/protocol';
import type { SearchFilters, TranscriptStore } from '../../transcripts/transcript.store.ts';
import { ftsPhrase } from './fts-query.ts';

const { conversationEvents, messages } = schema;

export function sqliteTranscriptStore(db: HearthDb): TranscriptStore {
  return {
    async search(siteIds, filters) {
      return searchTranscripts(db, siteIds, filters);
    },

    async messagesOf(conversationId) {
      return db
        .select({ at: messages.createdAt, authorType: messages.authorType, authorName: messages.authorName, body: messages.body })
        .from(messages)
        .where(eq(messages.conversationId, conversationId))
        .orderBy(asc(messages.seq))
        .all();
    },

    async eventsOf(conversationId) {
      return db
        .select({ type: conversationEvents.type, actorType: conversationEvents.actorType, actorId: conversationEvents.actorId, data: conversationEvents.data, createdAt: conversationEvents.createdAt })
        .from(conversationEvents)
        .where(eq(conversationEvents.conversationId, conversationId))
        .orderBy(asc(conversationEvents.id))
        .all()
        .map((e) => ({ ...e, data: parseEventData(e.data) }));
    },
  };
}

/** An event's stored `data` as an object; unreadable or non-object JSON reads as {} (both engines). */
export function parseEventData(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** FTS5 phrase search; every condition is a bound parameter. */
function searchTranscripts(db: HearthDb, siteIds: readonly SiteId[], f: SearchFilters): TranscriptSearchHit[] {
  if (siteIds.length === 0) return [];
  const sites = sql.join(siteIds.map((id) => sql`${id}`), sql`, `);
  const phrase = f.q ? ftsPhrase(f.q) : null;
  if (f.q && !phrase) return [];
  const where: SQL[] = [sql`c.site_id in (${sites})`];
  if (phrase) {
    where.push(sql`c.id in (select m.conversation_id from messages_fts join messages m on m.rowid = messages_fts.rowid
      where messages_fts match ${phrase} and m.site_id in (${sites}))`);
  }
  if (f.from !== undefined) where.push(sql`c.created_at >= ${f.from}`);
  if (f.to !== undefined) where.push(sql`c.created_at < ${f.to}`);
  if (f.agentId !== undefined) where.push(sql`c.assigned_agent_id = ${f.agentId}`);
  if (f.rating !== undefined) where.push(sql`r.score = ${f.rating}`);
  if (f.status !== undefined) where.push(sql`c.status = ${f.status}`);
  const trigger = sql`(select json_extract(e.data, '$.triggerName') from conversation_events e
    where e.conversation_id = c.id and e.type = 'conversation.started' limit 1)`;
  if (f.trigger !== undefined) where.push(sql`${trigger} = ${f.trigger}`);
  const snippet = phrase
    ? sql`(select snippet(messages_fts, 0, '[', ']', '…', 12) from messages_fts join messages m on m.rowid = messages_fts.rowid
        where messages_fts match ${phrase} and m.conversation_id = c.id limit 1)`
    : sql`coalesce(c.last_message_body, '')`;
  return db.all<TranscriptSearchHit>(sql`
    select c.id as conversationId, c.site_id as siteId, v.name as visitorName, c.status as status, a.name as agentName,
      r.score as rating, ${trigger} as "trigger", c.created_at as createdAt, c.closed_at as closedAt, ${snippet} as snippet
    from conversations c
    join visitors v on v.id = c.visitor_id
    left join agents a on a.id = c.assigned_agent_id
    left join csat_ratings r on r.conversation_id = c.id
    where ${sql.join(where, sql` and `)}
    order by c.created_at desc, c.id
    limit ${TRANSCRIPT_SEARCH_LIMIT}`);
}
