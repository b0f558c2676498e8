import { sql, type SQL } from 'drizzle-orm';
import type { HearthDb } from '@hearth/db';
import type { Report, ReportGroup, ReportMetrics, SiteId } from '@hearth/protocol';

/**
 * Every figure of the reports, computed in SQL over the conversations of `siteIds` started in
 * [from, to). The exact definitions are in the README ("Reports: what each figure means"); the
 * fixture in test/reports.test.ts checks each one against hand-computed values.
 */
export interface ReportScope {
  siteIds: readonly SiteId[];
  from: number;
  to: number;
}

/** A grouping: the key per conversation, the key per rating (credited agent), and how to label it. */
interface Dimension {
  conversation: SQL;
  rating: SQL;
}

const DIMENSIONS = {
  overall: { conversation: sql`'all'`, rating: sql`'all'` },
  // Conversations by the agent assigned now (at close, for closed ones); ratings by the agent they were credited to.
  agent: { conversation: sql`coalesce(c.assigned_agent_id, '')`, rating: sql`coalesce(r.agent_id, '')` },
  trigger: {
    conversation: sql`coalesce((select json_extract(e.data, '$.trigger') from conversation_events e
      where e.conversation_id = c.id and e.type = 'conversation.started' limit 1), '')`,
    rating: sql`''`,
  },
  // The page the visitor was on when the conversation started: their last page view at or before it.
  page: {
    conversation: sql`coalesce((select pv.url from page_views pv where pv.visitor_id = c.visitor_id and pv.viewed_at <= c.created_at
      order by pv.viewed_at desc, pv.id desc limit 1), '')`,
    rating: sql`''`,
  },
} satisfies Record<string, Dimension>;
// Ratings follow the conversation's trigger and page.
DIMENSIONS.trigger.rating = DIMENSIONS.trigger.conversation;
DIMENSIONS.page.rating = DIMENSIONS.page.conversation;

function inScope(scope: ReportScope): SQL {
  const sites = sql.join(scope.siteIds.map((id) => sql`${id}`), sql`, `);
  return sql`c.site_id in (${sites}) and c.created_at >= ${scope.from} and c.created_at < ${scope.to}`;
}

interface ConversationRow {
  k: string;
  conversations: number;
  frtMedian: number | null;
  frtP90: number | null;
  avgResolution: number | null;
  fcrEligible: number;
  fcrResolved: number;
  missed: number;
}

function conversationMetrics(db: HearthDb, scope: ReportScope, dim: Dimension): ConversationRow[] {
  return db.all<ConversationRow>(sql`
    -- MATERIALIZED: each CTE is computed once (inlined, joins re-ran them per row); per-conversation
    -- message figures come from one grouped pass over messages, not one correlated query per figure.
    with scoped as materialized (
      select c.id, ${dim.conversation} as k, c.status, c.created_at, c.closed_at,
        exists (select 1 from conversation_events e where e.conversation_id = c.id and e.type = 'conversation.reopened') as reopened
      from conversations c where ${inScope(scope)}
    ),
    stats as materialized (
      select m.conversation_id as cid,
        min(case when m.author_type = 'visitor' then m.created_at end) as first_visitor_at,
        min(case when m.author_type = 'visitor' then m.seq end) as first_visitor_seq,
        sum(m.author_type = 'visitor') as visitor_messages,
        sum(m.author_type = 'agent') as agent_messages,
        count(distinct case when m.author_type = 'agent' then m.author_id end) as agents_replying
      from messages m where m.conversation_id in (select id from scoped)
      group by m.conversation_id
    ),
    first_reply as materialized (
      select m.conversation_id as cid, min(m.created_at) as at
      from messages m join stats s on s.cid = m.conversation_id
      where m.author_type = 'agent' and m.seq > s.first_visitor_seq
      group by m.conversation_id
    ),
    facts as materialized (
      select sc.k, sc.status, sc.created_at, sc.closed_at, sc.reopened,
        coalesce(st.visitor_messages, 0) as visitor_messages, coalesce(st.agent_messages, 0) as agent_messages,
        coalesce(st.agents_replying, 0) as agents_replying, fr.at - st.first_visitor_at as frt
      from scoped sc left join stats st on st.cid = sc.id left join first_reply fr on fr.cid = sc.id
    ),
    ranked as materialized (
      select k, frt, row_number() over (partition by k order by frt) as rn, count(*) over (partition by k) as n
      from facts where frt is not null
    ),
    percentiles as materialized (
      select k, max(case when rn = (n + 1) / 2 then frt end) as median, max(case when rn = (9 * n + 9) / 10 then frt end) as p90
      from ranked group by k
    )
    select f.k as k, count(*) as conversations, p.median as frtMedian, p.p90 as frtP90,
      avg(case when f.status = 'closed' then f.closed_at - f.created_at end) as avgResolution,
      sum(f.status = 'closed' and f.agent_messages > 0) as fcrEligible,
      sum(f.status = 'closed' and f.agent_messages > 0 and not f.reopened and f.agents_replying = 1) as fcrResolved,
      sum(f.status = 'closed' and f.visitor_messages > 0 and f.agent_messages = 0) as missed
    from facts f left join percentiles p on p.k = f.k
    group by f.k`);
}

function responseMetrics(db: HearthDb, scope: ReportScope, dim: Dimension): Array<{ k: string; avgResponse: number | null }> {
  return db.all(sql`
    with convs as materialized (select c.id, ${dim.conversation} as k from conversations c where ${inScope(scope)}),
    msgs as materialized (
      select m.conversation_id as cid, m.seq, m.author_type as t, m.created_at as at,
        lag(m.author_type) over w as prev,
        -- The first agent message after this one (window functions: one pass, no correlated lookups).
        min(case when m.author_type = 'agent' then m.seq end) over (w rows between 1 following and unbounded following) as next_agent_seq
      from messages m where m.conversation_id in (select id from convs)
      window w as (partition by m.conversation_id order by m.seq)
    ),
    turns as materialized (
      select cid, seq, at, next_agent_seq, lead(seq) over (partition by cid order by seq) as next_seq
      from msgs where t = 'visitor' and (prev is null or prev <> 'visitor')
    ),
    answered as materialized (
      select t.cid, a.at - t.at as rt
      from turns t join msgs a on a.cid = t.cid and a.seq = t.next_agent_seq
      where t.next_seq is null or t.next_agent_seq < t.next_seq
    )
    select convs.k as k, avg(a.rt) as avgResponse
    from answered a join convs on convs.id = a.cid
    group by convs.k`);
}

interface RatingRow {
  k: string;
  ratings: number;
  satisfied: number;
  s1: number;
  s2: number;
  s3: number;
  s4: number;
  s5: number;
  cesAverage: number | null;
}

function ratingMetrics(db: HearthDb, scope: ReportScope, dim: Dimension): RatingRow[] {
  return db.all<RatingRow>(sql`
    select ${dim.rating} as k, count(*) as ratings, sum(r.score >= 4) as satisfied,
      sum(r.score = 1) as s1, sum(r.score = 2) as s2, sum(r.score = 3) as s3, sum(r.score = 4) as s4, sum(r.score = 5) as s5,
      avg(r.ces) as cesAverage
    from csat_ratings r join conversations c on c.id = r.conversation_id
    where ${inScope(scope)}
    group by 1`);
}

const EMPTY: ReportMetrics = {
  conversations: 0,
  firstResponseMedianMs: null,
  firstResponseP90Ms: null,
  avgResponseMs: null,
  avgResolutionMs: null,
  firstContactResolutionRate: null,
  missed: 0,
  ratings: 0,
  csatScore: null,
  csatDistribution: [0, 0, 0, 0, 0],
  cesAverage: null,
};

/** Averages are rounded to whole milliseconds (and CES to 2 decimals) so exports stay readable. */
const round = (v: number | null, digits = 0) => (v === null ? null : Number(v.toFixed(digits)));

function metricsBy(db: HearthDb, scope: ReportScope, dim: Dimension): Map<string, ReportMetrics> {
  const out = new Map<string, ReportMetrics>();
  const at = (k: string) => out.get(k) ?? (out.set(k, { ...EMPTY, csatDistribution: [0, 0, 0, 0, 0] }), out.get(k)!);
  for (const r of conversationMetrics(db, scope, dim)) {
    Object.assign(at(r.k), {
      conversations: r.conversations,
      firstResponseMedianMs: r.frtMedian,
      firstResponseP90Ms: r.frtP90,
      avgResolutionMs: round(r.avgResolution),
      firstContactResolutionRate: r.fcrEligible ? r.fcrResolved / r.fcrEligible : null,
      missed: r.missed,
    });
  }
  for (const r of responseMetrics(db, scope, dim)) at(r.k).avgResponseMs = round(r.avgResponse);
  for (const r of ratingMetrics(db, scope, dim)) {
    Object.assign(at(r.k), {
      ratings: r.ratings,
      csatScore: r.ratings ? r.satisfied / r.ratings : null,
      csatDistribution: [r.s1, r.s2, r.s3, r.s4, r.s5],
      cesAverage: round(r.cesAverage, 2),
    });
  }
  return out;
}

function labelled(metrics: Array<[string, ReportMetrics]>, label: (key: string) => string): ReportGroup[] {
  return metrics
    .map(([key, m]) => ({ key, label: label(key), ...m }))
    .sort((a, b) => b.conversations - a.conversations || a.label.localeCompare(b.label));
}

export function buildReport(db: HearthDb, scope: ReportScope): Report {
  if (scope.siteIds.length === 0) {
    return { from: scope.from, to: scope.to, overall: EMPTY, byAgent: [], byTrigger: [], byPage: [], volumeByDay: [], volumeByHourOfWeek: [] };
  }
  const byAgent = [...metricsBy(db, scope, DIMENSIONS.agent)];
  const ids = byAgent.map(([k]) => k).filter(Boolean);
  const names = new Map(
    ids.length ? db.all<{ id: string; name: string }>(sql`select id, name from agents where id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`).map((a) => [a.id, a.name]) : [],
  );
  return {
    from: scope.from,
    to: scope.to,
    overall: metricsBy(db, scope, DIMENSIONS.overall).get('all') ?? EMPTY,
    byAgent: labelled(byAgent, (k) => (k ? (names.get(k) ?? 'Former agent') : 'Unassigned')),
    byTrigger: labelled([...metricsBy(db, scope, DIMENSIONS.trigger)], (k) => k || '(no trigger)'),
    byPage: labelled([...metricsBy(db, scope, DIMENSIONS.page)], (k) => k || '(unknown page)'),
    volumeByDay: db.all(sql`
      select strftime('%Y-%m-%d', c.created_at / 1000, 'unixepoch') as day, count(*) as count
      from conversations c where ${inScope(scope)} group by 1 order by 1`),
    volumeByHourOfWeek: db.all(sql`
      select cast(strftime('%w', c.created_at / 1000, 'unixepoch') as integer) as weekday,
        cast(strftime('%H', c.created_at / 1000, 'unixepoch') as integer) as hour, count(*) as count
      from conversations c where ${inScope(scope)} group by 1, 2 order by 1, 2`),
  };
}
