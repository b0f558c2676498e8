import { sql, type SQL } from 'drizzle-orm';
import type { HearthDb } from '@hearth/db';
import type { ConversationMetricsRow, RatingMetricsRow, ReportScope, ReportStore } from '../../reports/report.store.ts';

/**
 * The reports' SQL, in SQLite's dialect (json_extract, strftime, summed booleans, MATERIALIZED
 * CTEs): the PostgreSQL twin computes the same rows with its own functions.
 */
export function sqliteReportStore(db: HearthDb): ReportStore {
  return {
    async conversationMetrics(scope) {
      return scope.siteIds.length ? conversationMetrics(db, scope) : [];
    },
    async ratingMetrics(scope) {
      return scope.siteIds.length ? ratingMetrics(db, scope) : [];
    },
    async volumeByDay(scope) {
      if (!scope.siteIds.length) return [];
      return db.all(sql`
        with ${scoped(scope)}
        select strftime('%Y-%m-%d', created_at / 1000, 'unixepoch') as day, count(*) as count from scoped group by 1 order by 1`);
    },
    async volumeByHourOfWeek(scope) {
      if (!scope.siteIds.length) return [];
      return db.all(sql`
        with ${scoped(scope)}
        select cast(strftime('%w', created_at / 1000, 'unixepoch') as integer) as weekday,
          cast(strftime('%H', created_at / 1000, 'unixepoch') as integer) as hour, count(*) as count
        from scoped group by 1, 2 order by 1, 2`);
    },
  };
}

/**
 * The conversations in scope with their group keys: the assigned agent (at close, for closed ones),
 * the `trigger` of the started event, and the page the visitor was on when it started (their last
 * page view at or before it). '' means none.
 */
function scoped(scope: ReportScope): SQL {
  const sites = sql.join(scope.siteIds.map((id) => sql`${id}`), sql`, `);
  return sql`scoped as materialized (
    select c.id, c.status, c.created_at, c.closed_at,
      coalesce(c.assigned_agent_id, '') as k_agent,
      coalesce((select json_extract(e.data, '$.triggerName') from conversation_events e
        where e.conversation_id = c.id and e.type = 'conversation.started' limit 1), '') as k_trigger,
      coalesce((select pv.url from page_views pv where pv.visitor_id = c.visitor_id and pv.viewed_at <= c.created_at
        order by pv.viewed_at desc, pv.id desc limit 1), '') as k_page,
      exists (select 1 from conversation_events e where e.conversation_id = c.id and e.type = 'conversation.reopened') as reopened
    from conversations c
    where c.site_id in (${sites}) and c.created_at >= ${scope.from} and c.created_at < ${scope.to}
  )`;
}

/** Every row of `source` once per dimension, keyed by that dimension's column. */
const byEveryDimension = (columns: SQL, source: SQL, keys: { agent: SQL; trigger: SQL; page: SQL }) => sql`
  select 'overall' as dim, 'all' as k, ${columns} from ${source}
  union all select 'agent', ${keys.agent}, ${columns} from ${source}
  union all select 'trigger', ${keys.trigger}, ${columns} from ${source}
  union all select 'page', ${keys.page}, ${columns} from ${source}`;

/**
 * One pass: per-conversation facts from the messages (grouped and windowed, never one correlated
 * lookup per figure), computed once and then grouped by every dimension. MATERIALIZED keeps SQLite
 * from inlining a CTE into each place that reads it.
 */
function conversationMetrics(db: HearthDb, scope: ReportScope): ConversationMetricsRow[] {
  const facts = sql`facts`;
  return db.all<ConversationMetricsRow>(sql`
    with ${scoped(scope)},
    msgs as materialized (
      select m.conversation_id as cid, m.seq, m.author_type as t, m.author_id as author, m.created_at as at,
        lag(m.author_type) over w as prev,
        min(case when m.author_type = 'agent' then m.seq end) over (w rows between 1 following and unbounded following) as next_agent_seq
      from messages m where m.conversation_id in (select id from scoped)
      window w as (partition by m.conversation_id order by m.seq)
    ),
    stats as materialized (
      select cid,
        min(case when t = 'visitor' then at end) as first_visitor_at,
        min(case when t = 'visitor' then seq end) as first_visitor_seq,
        sum(t = 'visitor') as visitor_messages,
        sum(t = 'agent') as agent_messages,
        count(distinct case when t = 'agent' then author end) as agents_replying
      from msgs group by cid
    ),
    first_reply as materialized (
      select m.cid, min(m.at) as at from msgs m join stats s on s.cid = m.cid
      where m.t = 'agent' and m.seq > s.first_visitor_seq group by m.cid
    ),
    -- A visitor turn: a run of visitor messages; answered by the first agent message before the next turn.
    turns as materialized (
      select cid, seq, at, next_agent_seq, lead(seq) over (partition by cid order by seq) as next_seq
      from msgs where t = 'visitor' and (prev is null or prev <> 'visitor')
    ),
    responses as materialized (
      select t.cid, sum(a.created_at - t.at) as total, count(*) as n
      from turns t join messages a on a.conversation_id = t.cid and a.seq = t.next_agent_seq
      where t.next_seq is null or t.next_agent_seq < t.next_seq
      group by t.cid
    ),
    facts as materialized (
      select sc.k_agent, sc.k_trigger, sc.k_page, sc.status, sc.created_at, sc.closed_at, sc.reopened,
        coalesce(st.visitor_messages, 0) as visitor_messages, coalesce(st.agent_messages, 0) as agent_messages,
        coalesce(st.agents_replying, 0) as agents_replying, fr.at - st.first_visitor_at as frt,
        coalesce(r.total, 0) as response_total, coalesce(r.n, 0) as responses
      from scoped sc left join stats st on st.cid = sc.id left join first_reply fr on fr.cid = sc.id left join responses r on r.cid = sc.id
    ),
    keyed as materialized (
      ${byEveryDimension(
        sql`status, created_at, closed_at, reopened, visitor_messages, agent_messages, agents_replying, frt, response_total, responses`,
        facts,
        { agent: sql`k_agent`, trigger: sql`k_trigger`, page: sql`k_page` },
      )}
    ),
    ranked as materialized (
      select dim, k, frt, row_number() over (partition by dim, k order by frt) as rn, count(*) over (partition by dim, k) as n
      from keyed where frt is not null
    ),
    -- Nearest-rank percentiles: ranks ceil(n/2) and ceil(9n/10), in integer arithmetic.
    percentiles as materialized (
      select dim, k, max(case when rn = (n + 1) / 2 then frt end) as median, max(case when rn = (9 * n + 9) / 10 then frt end) as p90
      from ranked group by dim, k
    )
    select f.dim as dim, f.k as k, count(*) as conversations, p.median as frtMedian, p.p90 as frtP90,
      case when sum(f.responses) > 0 then 1.0 * sum(f.response_total) / sum(f.responses) end as avgResponse,
      avg(case when f.status = 'closed' then f.closed_at - f.created_at end) as avgResolution,
      sum(f.status = 'closed' and f.agent_messages > 0) as fcrEligible,
      sum(f.status = 'closed' and f.agent_messages > 0 and not f.reopened and f.agents_replying = 1) as fcrResolved,
      sum(f.status = 'closed' and f.visitor_messages > 0 and f.agent_messages = 0) as missed
    from keyed f left join percentiles p on p.dim = f.dim and p.k = f.k
    group by f.dim, f.k`);
}

/** Ratings of the conversations in scope; per agent by the agent the rating was credited to. */
function ratingMetrics(db: HearthDb, scope: ReportScope): RatingMetricsRow[] {
  return db.all<RatingMetricsRow>(sql`
    with ${scoped(scope)},
    rated as materialized (
      select coalesce(r.agent_id, '') as k_agent, s.k_trigger, s.k_page, r.score, r.ces
      from csat_ratings r join scoped s on s.id = r.conversation_id
    ),
    keyed as (${byEveryDimension(sql`score, ces`, sql`rated`, { agent: sql`k_agent`, trigger: sql`k_trigger`, page: sql`k_page` })})
    select dim, k, count(*) as ratings, sum(score >= 4) as satisfied,
      sum(score = 1) as s1, sum(score = 2) as s2, sum(score = 3) as s3, sum(score = 4) as s4, sum(score = 5) as s5,
      avg(ces) as cesAverage
    from keyed group by dim, k`);
}
