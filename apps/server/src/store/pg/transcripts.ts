import { asc, eq, sql, type SQL } from 'drizzle-orm';
import { pgSchema, type HearthPgDb } from '@hearth/db';
import { SNIPPET_OPEN, TRANSCRIPT_SEARCH_LIMIT, type SiteId } from '@hearth/protocol';
import type { SearchFilters, StoredSearchHit, TranscriptStore } from '../../transcripts/transcript.store.ts';
import { likeEscape, substringSnippet } from '../search-fold.ts';
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
        .select({
          type: conversationEvents.type,
          actorType: conversationEvents.actorType,
          actorId: conversationEvents.actorId,
          data: conversationEvents.data,
          createdAt: conversationEvents.createdAt,
        })
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
 * order, case and accents folded, punctuation (emails, URLs) splitting words as in FTS5. Or a
 * substring of `hearth_fold` (lower ∘ unaccent: ß → ss, ligatures) of a message (pg_trgm index,
 * migrations-pg 0006), the visitor's name or email: text without spaces (CJK, Thai) has no word
 * boundaries for a tsvector. The snippet is cut in TypeScript from the first matching message
 * (search-snippet.ts, search-fold.ts). Every condition is a bound parameter.
 */
async function searchTranscripts(db: HearthPgDb, siteIds: readonly SiteId[], f: SearchFilters): Promise<StoredSearchHit[]> {
  if (siteIds.length === 0) return [];
  const sites = sql.join(
    siteIds.map((id) => sql`${id}`),
    sql`, `,
  );
  if (f.q && !ftsPhrase(f.q)) return [];
  const query = f.q ? sql`phraseto_tsquery('simple', hearth_search_text(${f.q}))` : null;
  // The query is escaped for LIKE before folding: unaccent leaves \, % and _ alone.
  const like = f.q ? sql`'%' || hearth_fold(${likeEscape(f.q.trim())}) || '%'` : null;
  const matches = sql`(m.search @@ ${query} or hearth_fold(m.body) like ${like} escape '\\')`;
  const where: SQL[] = [sql`c.site_id in (${sites})`];
  if (query) {
    where.push(sql`(c.id in (select m.conversation_id from messages m where m.site_id in (${sites}) and ${matches})
      or hearth_fold(coalesce(v.name, '')) like ${like} escape '\\' or hearth_fold(coalesce(v.email, '')) like ${like} escape '\\')`);
  }
  if (f.from !== undefined) where.push(sql`c.created_at >= ${f.from}`);
  if (f.to !== undefined) where.push(sql`c.created_at < ${f.to}`);
  if (f.agentId !== undefined) where.push(sql`c.assigned_agent_id = ${f.agentId}`);
  if (f.rating !== undefined) where.push(sql`r.score = ${f.rating}`);
  if (f.status !== undefined) where.push(sql`c.status = ${f.status}`);
  if (f.labelId !== undefined) where.push(sql`exists (select 1 from conversation_labels l where l.conversation_id = c.id and l.label_id = ${f.labelId})`);
  const trigger = sql`(select e.data::jsonb ->> 'triggerName' from conversation_events e
    where e.conversation_id = c.id and e.type = 'conversation.started' order by e.id limit 1)`;
  if (f.trigger !== undefined) where.push(sql`${trigger} = ${f.trigger}`);
  const found = query ? sql`(select m.body from messages m where m.conversation_id = c.id and ${matches} order by m.seq limit 1)` : sql`null`;
  const order = f.sort === 'closed' ? sql`coalesce(c.closed_at, 0) desc, c.created_at desc, c.id` : sql`c.created_at desc, c.id`;
  const rows = await rawRows<StoredSearchHit & { found: string | null }>(
    db,
    sql`
    select c.id as "conversationId", c.site_id as "siteId", v.name as "visitorName", c.status as status, a.name as "agentName",
      r.score as rating, ${trigger} as "trigger", c.created_at as "createdAt", c.closed_at as "closedAt",
      coalesce(c.last_message_body, '') as snippet, ${found} as found
    from conversations c
    join visitors v on v.id = c.visitor_id
    left join agents a on a.id = c.assigned_agent_id
    left join csat_ratings r on r.conversation_id = c.id
    where ${sql.join(where, sql` and `)}
    order by ${order}
    limit ${TRANSCRIPT_SEARCH_LIMIT} offset ${f.offset ?? 0}`,
  );
  return rows.map(({ found: body, ...hit }) => {
    if (body === null || !f.q) return hit;
    const words = searchSnippet(body, f.q);
    return { ...hit, snippet: words.includes(SNIPPET_OPEN) ? words : (substringSnippet(body, f.q) ?? words) };
  });
}
