import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { WidgetPublicConfig } from '@hearth/protocol';
import { launcherTextOn } from '@hearth/chat-client';
import { widgetTriggerConfig } from '../triggers/widget-trigger-config.ts';
import { installRecorder } from '../sites/install-check.ts';

/** Browsers and proxies may reuse the config this long: an owner's change reaches visitors within it. */
export const WIDGET_CONFIG_MAX_AGE_S = 30;

/**
 * `GET /api/widget/config?site=KEY`: the loader's one request: the site's look (launcher, prompt)
 * and its proactive triggers. Public like the site key, any origin (the loader runs on the
 * customer's page), no cookie read; nothing in it is secret.
 */
export const widgetConfigRoutes: FastifyPluginAsyncZod = async (app) => {
  const { store } = app;
  const recordInstall = installRecorder(store);
  app.get(
    '/api/widget/config',
    { schema: { querystring: z.object({ site: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/) }) } },
    async (request, reply) => {
      void reply.header('access-control-allow-origin', '*');
      const site = await store.read.sites.byKey(request.query.site);
      if (!site) return reply.code(404).send({ error: { code: 'unknown_site', message: 'No site has this key.' } });
      // The install check (issue 13): the snippet works on the page this request came from.
      // Never at the visitor's expense: a failed write only delays the check.
      await recordInstall(site.id, request.headers.origin).catch((err: unknown) => request.log.warn({ err }, 'install check not recorded'));
      const { appearance } = await store.read.sites.settings(site.id);
      // The launcher's text color on the brand, computed here so the loader carries no color math.
      const config: WidgetPublicConfig = { appearance, onBrand: launcherTextOn(appearance.brandColor), triggers: await widgetTriggerConfig(app, site) };
      return reply.header('cache-control', `public, max-age=${WIDGET_CONFIG_MAX_AGE_S}`).send(config);
    },
  );
};
