import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ReportQuerySchema, type Report, type ReportMetrics } from '@hearth/protocol';
import { requestAgent, scopeSites } from '../auth/request-agent.ts';
import { toCsv } from '../export/csv.ts';
import { buildReport } from './report-build.ts';
import './report.store.ts';

const METRIC_COLUMNS = [
  'conversations',
  'first_response_median_ms',
  'first_response_p90_ms',
  'avg_response_ms',
  'avg_resolution_ms',
  'first_contact_resolution_rate',
  'missed',
  'ratings',
  'csat_score',
  'csat_1',
  'csat_2',
  'csat_3',
  'csat_4',
  'csat_5',
  'ces_average',
];

const metricCells = (m: ReportMetrics) => [
  m.conversations,
  m.firstResponseMedianMs,
  m.firstResponseP90Ms,
  m.avgResponseMs,
  m.avgResolutionMs,
  m.firstContactResolutionRate,
  m.missed,
  m.ratings,
  m.csatScore,
  ...m.csatDistribution,
  m.cesAverage,
];

/** One CSV row per group: overall, then per agent, trigger and page. */
export function reportCsv(report: Report): string {
  return toCsv(
    ['group', 'key', 'label', ...METRIC_COLUMNS],
    [
      ['overall', 'all', 'All conversations', ...metricCells(report.overall)],
      ...report.byAgent.map((g) => ['agent', g.key, g.label, ...metricCells(g)]),
      ...report.byTrigger.map((g) => ['trigger', g.key, g.label, ...metricCells(g)]),
      ...report.byPage.map((g) => ['page', g.key, g.label, ...metricCells(g)]),
    ],
  );
}

/** GET /api/reports: a support lead's figures, for the sites the caller owns. */
export const reportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/reports', { schema: { querystring: ReportQuerySchema } }, async (request, reply) => {
    const agent = await requestAgent(app.store, request, reply);
    if (!agent) return reply;
    const owned = agent.sites.filter((s) => s.role === 'owner').map((s) => s.id);
    if (owned.length === 0) return reply.code(403).send({ error: { code: 'forbidden', message: 'Reports are for site owners.' } });
    const siteIds = scopeSites(owned, request.query.siteId, reply);
    if (!siteIds) return reply;
    const { from, to, format } = request.query;
    const report = await buildReport(app.store.read, { siteIds, from, to });
    if (format === 'json') return report;
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="hearth-report.csv"')
      .send(reportCsv(report));
  });
};
