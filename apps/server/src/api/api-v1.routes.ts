import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Config } from '../config.ts';
import { apiCaller, apiRouteConfig, apiV1Hooks } from './api-v1.plugin.ts';

/**
 * `/api/v1`: the REST API for integrations, authenticated by a site's API token. Registered with
 * the prefix `/api/v1`, so the auth hook covers every route here. Each route calls the same use
 * cases and parses with the same protocol schemas as the console.
 */
export const apiV1Routes: FastifyPluginAsyncZod<{ config: Config }> = async (app, { config }) => {
  apiV1Hooks(app);
  const routeConfig = apiRouteConfig(config);
  const { store } = app;

  app.get('/agents', { config: routeConfig, schema: { tags: ['agents'], summary: 'The site’s agents and their status' } }, async (request) => {
    return { agents: await store.read.api.agents(apiCaller(request).siteId) };
  });
};
