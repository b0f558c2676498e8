import { sql, type SQL } from 'drizzle-orm';
import type { HearthDb } from '@hearth/db';
import { TRANSCRIPT_SEARCH_LIMIT, type SiteId, type TranscriptSearchHit } from '@hearth/protocol';
import { ftsPhrase } from './fts-query.ts';

export interface SearchFilters {
  q?: string | undefined;
  from?: number | undefined;
  to?: number | undefined;
  agentId?: string | undefined;
  rating?: number | undefined;
  trigger?: string | undefined;
  status?: 'open' | 'closed' | undefined;
}

/**
 * Conversations of `siteIds` whose messages contain the phrase `q` (FTS5 over messages), narrowed
 * by the filters, newest first. Every condition is a bound parameter; `siteIds` is the caller's
 * membership, so another site's transcript can never match.
 */
export function searchTranscripts(db: HearthDb, siteIds: readonly SiteId[], f: SearchFilters): TranscriptSearchHit[] {
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
