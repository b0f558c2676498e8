import { asc, eq, sql, type SQL } from 'drizzle-orm';
import { schema, type HearthDb } from '@hearth/db';
import { SNIPPET_CLOSE, SNIPPET_OPEN, TRANSCRIPT_SEARCH_LIMIT, type SiteId } from '@hearth/protocol';
import type { SearchFilters, StoredSearchHit, TranscriptStore } from '../../transcripts/transcript.store.ts';
import { foldText, likeEscape, substringSnippet } from '../search-fold.ts';
import { ftsPhrase } from './fts-query.ts';

const { conversationEvents, messages } = schema;

export function sqliteTranscriptStore(db: HearthDb): TranscriptStore {
  // Substring search folds in SQL with the same function as in TypeScript (search-fold.ts).
  // drizzle keeps the better-sqlite3 connection as `$client` (HearthDb's type does not name it).
  (db as unknown as { $client: import('better-sqlite3').Database }).$client.function('hearth_fold', { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? foldText(text) : text,
  );
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
        .select({
          type: conversationEvents.type,
          actorType: conversationEvents.actorType,
          actorId: conversationEvents.actorId,
          data: conversationEvents.data,
          createdAt: conversationEvents.createdAt,
        })
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

/** A row of the search query: the FTS5 snippet, else the first message containing the query. */
type SearchRow = StoredSearchHit & { ftsSnippet: string | null; foundBody: string | null };

/**
 * FTS5 phrase search, or a folded substring of a message, the visitor's name or email; every
 * condition is a bound parameter. The substring test scans the sites' messages through
 * `hearth_fold` (a few hundred ms per 100,000 messages): the word index answers most searches,
 * and a short substring in a language without spaces has no index that could answer it.
 */
function searchTranscripts(db: HearthDb, siteIds: readonly SiteId[], f: SearchFilters): StoredSearchHit[] {
  if (siteIds.length === 0) return [];
  const sites = sql.join(
    siteIds.map((id) => sql`${id}`),
    sql`, `,
  );
  const phrase = f.q ? ftsPhrase(f.q) : null;
  if (f.q && !phrase) return [];
  const like = f.q ? `%${likeEscape(foldText(f.q.trim()))}%` : null;
  const where: SQL[] = [sql`c.site_id in (${sites})`];
  const inFts = sql`m.rowid in (select rowid from messages_fts where messages_fts match ${phrase})`;
  const inText = sql`hearth_fold(m.body) like ${like} escape '\\'`;
  if (phrase) {
    where.push(sql`(c.id in (select m.conversation_id from messages m where m.site_id in (${sites}) and (${inFts} or ${inText}))
      or hearth_fold(coalesce(v.name, '')) like ${like} escape '\\' or hearth_fold(coalesce(v.email, '')) like ${like} escape '\\')`);
  }
  if (f.from !== undefined) where.push(sql`c.created_at >= ${f.from}`);
  if (f.to !== undefined) where.push(sql`c.created_at < ${f.to}`);
  if (f.agentId !== undefined) where.push(sql`c.assigned_agent_id = ${f.agentId}`);
  if (f.rating !== undefined) where.push(sql`r.score = ${f.rating}`);
  if (f.status !== undefined) where.push(sql`c.status = ${f.status}`);
  if (f.labelId !== undefined) where.push(sql`exists (select 1 from conversation_labels l where l.conversation_id = c.id and l.label_id = ${f.labelId})`);
  const trigger = sql`(select json_extract(e.data, '$.triggerName') from conversation_events e
    where e.conversation_id = c.id and e.type = 'conversation.started' limit 1)`;
  if (f.trigger !== undefined) where.push(sql`${trigger} = ${f.trigger}`);
  const ftsSnippet = phrase
    ? sql`(select snippet(messages_fts, 0, ${SNIPPET_OPEN}, ${SNIPPET_CLOSE}, '…', 12) from messages_fts join messages m on m.rowid = messages_fts.rowid
        where messages_fts match ${phrase} and m.conversation_id = c.id limit 1)`
    : sql`null`;
  const foundBody = phrase ? sql`(select m.body from messages m where m.conversation_id = c.id and ${inText} order by m.seq limit 1)` : sql`null`;
  const order = f.sort === 'closed' ? sql`coalesce(c.closed_at, 0) desc, c.created_at desc, c.id` : sql`c.created_at desc, c.id`;
  const rows = db.all<SearchRow>(sql`
    select c.id as conversationId, c.site_id as siteId, v.name as visitorName, c.status as status, a.name as agentName,
      r.score as rating, ${trigger} as "trigger", c.created_at as createdAt, c.closed_at as closedAt,
      coalesce(c.last_message_body, '') as snippet, ${ftsSnippet} as ftsSnippet, ${foundBody} as foundBody
    from conversations c
    join visitors v on v.id = c.visitor_id
    left join agents a on a.id = c.assigned_agent_id
    left join csat_ratings r on r.conversation_id = c.id
    where ${sql.join(where, sql` and `)}
    order by ${order}
    limit ${TRANSCRIPT_SEARCH_LIMIT} offset ${f.offset ?? 0}`);
  return rows.map(({ ftsSnippet: fts, foundBody: found, ...hit }) => ({
    ...hit,
    snippet: fts ?? (found !== null && f.q ? (substringSnippet(found, f.q) ?? found) : hit.snippet),
  }));
}
