import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { TranscriptSearchQuerySchema } from '@hearth/protocol';
import { requestAgent, scopeSites } from '../auth/request-agent.ts';
import { toCsv } from '../export/csv.ts';
import { bracketedSnippet, toSearchHit } from './search-hits.ts';
import './transcript.store.ts';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** GET /api/transcripts/search: full-text search of the agent's sites' transcripts, as JSON or CSV. */
export const transcriptRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/transcripts/search', { schema: { querystring: TranscriptSearchQuerySchema } }, async (request, reply) => {
    const agent = await requestAgent(app.store, request, reply);
    if (!agent) return reply;
    const { siteId, format, ...filters } = request.query;
    const siteIds = scopeSites(
      agent.sites.map((s) => s.id),
      siteId,
      reply,
    );
    if (!siteIds) return reply;
    const hits = await app.store.read.transcripts.search(siteIds, filters);
    if (format === 'json') return { hits: hits.map(toSearchHit) };
    const csv = toCsv(
      ['conversation_id', 'site_id', 'visitor', 'status', 'agent', 'rating', 'trigger', 'started_at', 'closed_at', 'snippet'],
      hits.map((h) => [
        h.conversationId,
        h.siteId,
        h.visitorName,
        h.status,
        h.agentName,
        h.rating,
        h.trigger,
        iso(h.createdAt),
        iso(h.closedAt),
        bracketedSnippet(h.snippet),
      ]),
    );
    return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="hearth-transcripts.csv"').send(csv);
  });
};
