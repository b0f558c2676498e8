import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../config.ts';
import { apiTokenRoutes } from './api-tokens.routes.ts';
import { apiV1Routes } from './api-v1.routes.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const TRIM_JOB = 'api.idempotency.trim';

/**
 * The REST API for integrations (issue 19): owners' token management, and `/api/v1` behind its
 * bearer-token hook. Idempotency records are kept a day (as Stripe's), trimmed by a daily job.
 */
export const apiPlugin: FastifyPluginAsync<{ config: Config }> = async (app, { config }) => {
  await app.register(apiTokenRoutes);
  await app.register(apiV1Routes, { prefix: '/api/v1', config });

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
