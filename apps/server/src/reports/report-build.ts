import type { AgentId, Report, ReportGroup, ReportMetrics } from '@hearth/protocol';
import type { StoreTx } from '../store/store.ts';
import type { Dimension, ReportScope } from './report.store.ts';

const empty = (): ReportMetrics => ({
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
});

/** Averages are rounded to whole milliseconds (and CES to 2 decimals) so exports stay readable. */
const round = (v: number | null, digits = 0) => (v === null ? null : Number(v.toFixed(digits)));

async function allMetrics(read: StoreTx, scope: ReportScope): Promise<Record<Dimension, Map<string, ReportMetrics>>> {
  const out: Record<Dimension, Map<string, ReportMetrics>> = { overall: new Map(), agent: new Map(), trigger: new Map(), page: new Map() };
  const at = (dim: Dimension, k: string) => {
    const groups = out[dim];
    let m = groups.get(k);
    if (!m) groups.set(k, (m = empty()));
    return m;
  };
  for (const r of await read.reports.conversationMetrics(scope)) {
    Object.assign(at(r.dim, r.k), {
      conversations: r.conversations,
      firstResponseMedianMs: r.frtMedian,
      firstResponseP90Ms: r.frtP90,
      avgResponseMs: round(r.avgResponse),
      avgResolutionMs: round(r.avgResolution),
      firstContactResolutionRate: r.fcrEligible ? r.fcrResolved / r.fcrEligible : null,
      missed: r.missed,
    });
  }
  for (const r of await read.reports.ratingMetrics(scope)) {
    Object.assign(at(r.dim, r.k), {
      ratings: r.ratings,
      csatScore: r.ratings ? r.satisfied / r.ratings : null,
      csatDistribution: [r.s1, r.s2, r.s3, r.s4, r.s5],
      cesAverage: round(r.cesAverage, 2),
    });
  }
  return out;
}

function labelled(metrics: Map<string, ReportMetrics>, label: (key: string) => string): ReportGroup[] {
  return [...metrics]
    .map(([key, m]) => ({ key, label: label(key), ...m }))
    .sort((a, b) => b.conversations - a.conversations || a.label.localeCompare(b.label));
}

/**
 * Every figure of the reports over the conversations of `scope.siteIds` started in [from, to).
 * The exact definitions are in the README ("Reports: what each figure means"); the fixture in
 * test/reports.test.ts checks each one against hand-computed values.
 */
export async function buildReport(read: StoreTx, scope: ReportScope): Promise<Report> {
  const base = { from: scope.from, to: scope.to };
  if (scope.siteIds.length === 0) {
    return { ...base, overall: empty(), byAgent: [], byTrigger: [], byPage: [], volumeByDay: [], volumeByHourOfWeek: [] };
  }
  const metrics = await allMetrics(read, scope);
  const names = await read.team.agentNames([...metrics.agent.keys()].filter(Boolean) as AgentId[]);
  return {
    ...base,
    overall: metrics.overall.get('all') ?? empty(),
    byAgent: labelled(metrics.agent, (k) => (k ? (names.get(k as AgentId) ?? 'Former agent') : 'Unassigned')),
    byTrigger: labelled(metrics.trigger, (k) => k || '(no trigger)'),
    byPage: labelled(metrics.page, (k) => k || '(unknown page)'),
    volumeByDay: await read.reports.volumeByDay(scope),
    volumeByHourOfWeek: await read.reports.volumeByHourOfWeek(scope),
  };
}
