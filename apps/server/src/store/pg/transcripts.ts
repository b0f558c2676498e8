import { asc, eq, sql, type SQL } from 'drizzle-orm';
import { pgSchema, type HearthPgDb } from '@hearth/db';
import { TRANSCRIPT_SEARCH_LIMIT, type SiteId, type TranscriptSearchHit } from '@hearth/protocol';
import type { SearchFilters, TranscriptStore } from '../../transcripts/transcript.store.ts';
import { ftsPhrase } from '../sqlite/fts-query.ts';
import { parseEventData } from '../sqlite/transcripts.ts';
import { searchSnippet } from './search-snippet.ts';
import { rawRows } from './raw-rows.ts';

const { conversationEvents, messages } = pgSchema;

export function pgTranscriptStore(db: HearthPgDb): TranscriptStore {
  return {
    search: (siteIds, filters) => searchTranscripts(db, siteIds, filters),

    async messagesOf(conversationId) {
      return db
        .select({ at: messages.createdAt, authorType: messages.authorType, authorName: messages.authorName, body: messages.body })
        .from(messages)
        .where(eq(messages.conversationId, conversationId))
        .orderBy(asc(messages.seq));
    },

    async eventsOf(conversationId) {
      const rows = await db
        .select({ type: conversationEvents.type, actorType: conversationEvents.actorType, actorId: conversationEvents.actorId, data: conversationEvents.data, createdAt: conversationEvents.createdAt })
        .from(conversationEvents)
        .where(eq(conversationEvents.conversationId, conversationId))
        .orderBy(asc(conversationEvents.id));
      return rows.map((e) => ({ ...e, data: parseEventData(e.data) }));
    },
  };
}

/**
 * Phrase search over `messages.search` (a stored tsvector of `hearth_search_text(body)`, GIN
 * indexed; migrations-pg) with `phraseto_tsquery` of the same normalisation: the words in this
 * order, case and accents folded, punctuation (emails, URLs) splitting words as in FTS5. The
 * snippet is cut in TypeScript from the first matching message (search-snippet.ts). Every
 * condition is a bound parameter.
 */
async function searchTranscripts(db: HearthPgDb, siteIds: readonly SiteId[], f: SearchFilters): Promise<TranscriptSearchHit[]> {
  if (siteIds.length === 0) return [];
  const sites = sql.join(siteIds.map((id) => sql`${id}`), sql`, `);
  if (f.q && !ftsPhrase(f.q)) return [];
  const query = f.q ? sql`phraseto_tsquery('simple', hearth_search_text(${f.q}))` : null;
  const where: SQL[] = [sql`c.site_id in (${sites})`];
  if (query) where.push(sql`c.id in (select m.conversation_id from messages m where m.search @@ ${query} and m.site_id in (${sites}))`);
  if (f.from !== undefined) where.push(sql`c.created_at >= ${f.from}`);
  if (f.to !== undefined) where.push(sql`c.created_at < ${f.to}`);
  if (f.agentId !== undefined) where.push(sql`c.assigned_agent_id = ${f.agentId}`);
  if (f.rating !== undefined) where.push(sql`r.score = ${f.rating}`);
  if (f.status !== undefined) where.push(sql`c.status = ${f.status}`);
  const trigger = sql`(select e.data::jsonb ->> 'triggerName' from conversation_events e
    where e.conversation_id = c.id and e.type = 'conversation.started' order by e.id limit 1)`;
  if (f.trigger !== undefined) where.push(sql`${trigger} = ${f.trigger}`);
  const matched = query
    ? sql`(select m.body from messages m where m.conversation_id = c.id and m.search @@ ${query} order by m.seq limit 1)`
    : sql`coalesce(c.last_message_body, '')`;
  const rows = await rawRows<TranscriptSearchHit>(db, sql`
    select c.id as "conversationId", c.site_id as "siteId", v.name as "visitorName", c.status as status, a.name as "agentName",
      r.score as rating, ${trigger} as "trigger", c.created_at as "createdAt", c.closed_at as "closedAt", ${matched} as snippet
    from conversations c
    join visitors v on v.id = c.visitor_id
    left join agents a on a.id = c.assigned_agent_id
    left join csat_ratings r on r.conversation_id = c.id
    where ${sql.join(where, sql` and `)}
    order by c.created_at desc, c.id
    limit ${TRANSCRIPT_SEARCH_LIMIT}`);
  return f.q ? rows.map((hit) => ({ ...hit, snippet: searchSnippet(hit.snippet ?? '', f.q!) })) : rows;
}
