import type { FastifyPluginAsync } from 'fastify';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { createJsonSchemaTransform } from 'fastify-type-provider-zod';
import type { Config } from '../config.ts';
import { apiTokenRoutes } from './api-tokens.routes.ts';
import { apiV1Routes } from './api-v1.routes.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const TRIM_JOB = 'api.idempotency.trim';

/**
 * The REST API for integrations (issue 19): owners' token management, `/api/v1` behind its
 * bearer-token hook, its OpenAPI 3.1 document (`/api/v1/openapi.json`, generated from the routes'
 * zod schemas) and an interactive reference (`/api/v1/docs`). Idempotency records are kept a day
 * (as Stripe's), trimmed by a daily job.
 */
export const apiPlugin: FastifyPluginAsync<{ config: Config }> = async (app, { config }) => {
  await app.register(apiTokenRoutes);

  // One context for the document and the routes it describes: @fastify/swagger sees the routes
  // added in its context only, so the console's own routes stay out of the public API document.
  await app.register(async (api) => {
    await api.register(fastifySwagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Hearth API',
          version: '1.0.0',
          description:
            'The REST API of a Hearth site. Authenticate with an API token created by a site owner in Settings → API: `Authorization: Bearer hth_…`. ' +
            'Read routes need the `read` scope, the others `write`. Errors are `{ "error": { "code", "message" } }`. ' +
            'A POST with an `Idempotency-Key` header returns its first answer again when retried (for 24 hours).',
        },
        components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: 'A site API token (hth_…).' } } },
        security: [{ bearerAuth: [] }],
      },
      transform: createJsonSchemaTransform({ skipList: [] }),
    });
    await api.register(apiV1Routes, { prefix: '/api/v1', config });
    api.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => api.swagger());
    await api.register(fastifySwaggerUi, { routePrefix: '/api/v1/docs', uiConfig: { url: '/api/v1/openapi.json', deepLinking: true }, staticCSP: true });
  });

  app.jobs.handle(TRIM_JOB, async () => {
    const now = Date.now();
    await app.store.unit(async (tx) => {
      await tx.api.trimKeys(now - DAY_MS);
      await tx.jobs.schedule({ kind: TRIM_JOB, key: 'daily', dueAt: now + DAY_MS });
    });
  });
  app.addHook('onReady', async () => {
    if (!(await app.store.read.jobs.find(TRIM_JOB, 'daily'))) {
      await app.store.unit((tx) => tx.jobs.schedule({ kind: TRIM_JOB, key: 'daily', dueAt: Date.now() + DAY_MS }));
    }
  });
};
