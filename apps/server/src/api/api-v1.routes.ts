import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiConversationListQuerySchema, ApiReportQuerySchema, TRANSCRIPT_SEARCH_LIMIT, VisitorIdSchema } from '@hearth/protocol';
import type { Config } from '../config.ts';
import { HttpError } from '../auth/request-auth.ts';
import { buildReport } from '../reports/report-build.ts';
import { parseStoredAttributes } from '../visitors/visitor-profile.ts';
import { apiCaller, apiRouteConfig, apiV1Hooks } from './api-v1.plugin.ts';
import { decodeCursor, encodeCursor, pageOf } from './list-cursor.ts';
import '../transcripts/transcript.store.ts';
import '../visitors/visitor.store.ts';

const visitorParams = z.strictObject({ visitorId: VisitorIdSchema });

/**
 * `/api/v1`: the REST API for integrations, authenticated by a site's API token. Registered with
 * the prefix `/api/v1`, so the auth hook covers every route here. Each route calls the same use
 * cases and parses with the same protocol schemas as the console; the site is the token's.
 */
export const apiV1Routes: FastifyPluginAsyncZod<{ config: Config }> = async (app, { config }) => {
  apiV1Hooks(app);
  const routeConfig = apiRouteConfig(config);
  const { store } = app;

  app.get('/agents', { config: routeConfig, schema: { tags: ['agents'], summary: 'The site’s agents and their status' } }, async (request) => {
    return { agents: await store.read.api.agents(apiCaller(request).siteId) };
  });

  app.get(
    '/conversations',
    {
      config: routeConfig,
      schema: {
        tags: ['conversations'],
        summary: 'List conversations (the console’s filters), newest first',
        description: 'Filters as in the console’s search: q (words in the messages), from/to (started, epoch ms), agentId, rating, trigger, status. Pass `nextCursor` as `cursor` for the next page.',
        querystring: ApiConversationListQuerySchema,
      },
    },
    async (request) => {
      const { siteId } = apiCaller(request);
      const { cursor: raw, limit, ...filters } = request.query;
      const cursor = raw === undefined ? null : decodeCursor(raw);
      if (raw !== undefined && !cursor) throw new HttpError(400, 'invalid_cursor', 'This cursor is not one Hearth gave out.');
      const ask = Math.min(TRANSCRIPT_SEARCH_LIMIT, limit + (cursor?.ids.length ?? 0));
      const to = cursor ? Math.min(filters.to ?? Number.MAX_SAFE_INTEGER, cursor.t + 1) : filters.to;
      const hits = (await store.read.transcripts.search([siteId], { ...filters, to })).slice(0, ask);
      const { page, next } = pageOf(hits, cursor, limit, hits.length >= ask, (h) => ({ id: h.conversationId, t: h.createdAt }));
      return { conversations: page, nextCursor: next ? encodeCursor(next) : null };
    },
  );

  app.get('/visitors/:visitorId', { config: routeConfig, schema: { tags: ['visitors'], summary: 'A visitor: contact details and attributes', params: visitorParams } }, async (request) => {
    const { siteId } = apiCaller(request);
    const { visitorId } = request.params;
    const row = await store.read.visitors.profile(siteId, visitorId);
    const summary = row && (await store.read.visitors.summary(visitorId));
    if (!row || !summary) throw new HttpError(404, 'not_found', 'No such visitor.');
    return {
      visitor: { ...summary, externalId: row.externalId, attributes: parseStoredAttributes(row.attributes), timeZone: row.timeZone, language: row.language },
    };
  });

  app.get('/reports', { config: routeConfig, schema: { tags: ['reports'], summary: 'The site’s report for a time range (as the console’s Reports page)', querystring: ApiReportQuerySchema } }, async (request) => {
    const { siteId } = apiCaller(request);
    return buildReport(store.read, { siteIds: [siteId], from: request.query.from, to: request.query.to });
  });
};
