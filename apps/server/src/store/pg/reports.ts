import { sql, type SQL } from 'drizzle-orm';
import type { HearthPgDb } from '@hearth/db';
import { rawRows } from './raw-rows.ts';
import type { ConversationMetricsRow, RatingMetricsRow, ReportScope, ReportStore } from '../../reports/report.store.ts';

/**
 * The reports' SQL in PostgreSQL's dialect, row for row the figures of store/sqlite/reports.ts:
 * `->>` on the JSON text for json_extract, `count(*) filter` for summed booleans, `to_char` of
 * the UTC timestamp for strftime, quoted camelCase aliases (PostgreSQL folds unquoted ones).
 * Integer division and nearest ranks are the same; bigint and numeric come back as numbers.
 */
export function pgReportStore(db: HearthPgDb): ReportStore {
  return {
    async conversationMetrics(scope) {
      return scope.siteIds.length ? rawRows<ConversationMetricsRow>(db, conversationMetrics(scope)) : [];
    },
    async ratingMetrics(scope) {
      return scope.siteIds.length ? rawRows<RatingMetricsRow>(db, ratingMetrics(scope)) : [];
    },
    async volumeByDay(scope) {
      if (!scope.siteIds.length) return [];
      return rawRows(db, sql`
        with ${scoped(scope)}
        select to_char(${utc(sql`created_at`)}, 'YYYY-MM-DD') as day, count(*) as count from scoped group by 1 order by 1`);
    },
    async volumeByHourOfWeek(scope) {
      if (!scope.siteIds.length) return [];
      return rawRows(db, sql`
        with ${scoped(scope)}
        select extract(dow from ${utc(sql`created_at`)})::int as weekday, extract(hour from ${utc(sql`created_at`)})::int as hour, count(*) as count
        from scoped group by 1, 2 order by 1, 2`);
    },
  };
}

/** Epoch ms → UTC timestamp, truncated to the second as SQLite's `created_at / 1000, 'unixepoch'`. */
const utc = (ms: SQL) => sql`(to_timestamp(${ms} / 1000) at time zone 'UTC')`;

/** The started event's trigger name; '' when none (as json_extract of a missing key, coalesced). */
const triggerName = sql`(e.data::jsonb ->> 'triggerName')`;

/** See the SQLite twin: the conversations in scope with their group keys ('' = none). */
function scoped(scope: ReportScope): SQL {
  const sites = sql.join(scope.siteIds.map((id) => sql`${id}`), sql`, `);
  return sql`scoped as materialized (
    select c.id, c.status, c.created_at, c.closed_at,
      coalesce(c.assigned_agent_id, '') as k_agent,
      coalesce((select ${triggerName} from conversation_events e
        where e.conversation_id = c.id and e.type = 'conversation.started' order by e.id limit 1), '') as k_trigger,
      coalesce((select pv.url from page_views pv where pv.visitor_id = c.visitor_id and pv.viewed_at <= c.created_at
        order by pv.viewed_at desc, pv.id desc limit 1), '') as k_page,
      exists (select 1 from conversation_events e where e.conversation_id = c.id and e.type = 'conversation.reopened') as reopened
    from conversations c
    where c.site_id in (${sites}) and c.created_at >= ${scope.from} and c.created_at < ${scope.to}
  )`;
}

const byEveryDimension = (columns: SQL, source: SQL) => sql`
  select 'overall' as dim, 'all' as k, ${columns} from ${source}
  union all select 'agent', k_agent, ${columns} from ${source}
  union all select 'trigger', k_trigger, ${columns} from ${source}
  union all select 'page', k_page, ${columns} from ${source}`;

function conversationMetrics(scope: ReportScope): SQL {
  return sql`
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
        count(*) filter (where t = 'visitor') as visitor_messages,
        count(*) filter (where t = 'agent') as agent_messages,
        count(distinct case when t = 'agent' then author end) as agents_replying
      from msgs group by cid
    ),
    first_reply as materialized (
      select m.cid, min(m.at) as at from msgs m join stats s on s.cid = m.cid
      where m.t = 'agent' and m.seq > s.first_visitor_seq group by m.cid
    ),
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
      ${byEveryDimension(sql`status, created_at, closed_at, reopened, visitor_messages, agent_messages, agents_replying, frt, response_total, responses`, sql`facts`)}
    ),
    ranked as materialized (
      select dim, k, frt, row_number() over (partition by dim, k order by frt) as rn, count(*) over (partition by dim, k) as n
      from keyed where frt is not null
    ),
    percentiles as materialized (
      select dim, k, max(case when rn = (n + 1) / 2 then frt end) as median, max(case when rn = (9 * n + 9) / 10 then frt end) as p90
      from ranked group by dim, k
    )
    select f.dim as dim, f.k as k, count(*) as conversations, p.median as "frtMedian", p.p90 as "frtP90",
      case when sum(f.responses) > 0 then 1.0 * sum(f.response_total) / sum(f.responses) end as "avgResponse",
      avg(case when f.status = 'closed' then f.closed_at - f.created_at end) as "avgResolution",
      count(*) filter (where f.status = 'closed' and f.agent_messages > 0) as "fcrEligible",
      count(*) filter (where f.status = 'closed' and f.agent_messages > 0 and not f.reopened and f.agents_replying = 1) as "fcrResolved",
      count(*) filter (where f.status = 'closed' and f.visitor_messages > 0 and f.agent_messages = 0) as missed
    from keyed f left join percentiles p on p.dim = f.dim and p.k = f.k
    group by f.dim, f.k, p.median, p.p90`;
}

function ratingMetrics(scope: ReportScope): SQL {
  return sql`
    with ${scoped(scope)},
    rated as materialized (
      select coalesce(r.agent_id, '') as k_agent, s.k_trigger, s.k_page, r.score, r.ces
      from csat_ratings r join scoped s on s.id = r.conversation_id
    ),
    keyed as (${byEveryDimension(sql`score, ces`, sql`rated`)})
    select dim, k, count(*) as ratings, count(*) filter (where score >= 4) as satisfied,
      count(*) filter (where score = 1) as s1, count(*) filter (where score = 2) as s2, count(*) filter (where score = 3) as s3,
      count(*) filter (where score = 4) as s4, count(*) filter (where score = 5) as s5,
      avg(ces) as "cesAverage"
    from keyed group by dim, k`;
}
