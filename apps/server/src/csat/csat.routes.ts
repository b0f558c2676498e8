import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CsatSettingsPatchSchema, SiteIdSchema, type CsatSettings, type SiteSettings } from '@hearth/protocol';
import { requestAgent } from '../auth/request-agent.ts';

const params = z.strictObject({ siteId: SiteIdSchema });

const csatSettingsOf = (s: SiteSettings): CsatSettings => ({
  inactivityTimeoutMinutes: s.inactivityTimeoutMinutes,
  reopenWindowMinutes: s.reopenWindowMinutes,
  csatChangeWindowHours: s.csatChangeWindowHours,
  csatQuestion: s.csatQuestion,
  csatCommentPrompt: s.csatCommentPrompt,
  csatThanks: s.csatThanks,
  cesEnabled: s.cesEnabled,
  cesQuestion: s.cesQuestion,
});

/** The closing and CSAT settings of a site: read and changed by its owners only. */
export const csatRoutes: FastifyPluginAsyncZod = async (app) => {
  const { store } = app;
  const ownerOf = (siteId: string, sites: Array<{ id: string; role: string }>) => sites.some((s) => s.id === siteId && s.role === 'owner');
  const forbidden = { error: { code: 'forbidden', message: 'Only the site owners can see or change these settings.' } };

  app.get('/api/sites/:siteId/csat-settings', { schema: { params } }, async (request, reply) => {
    const agent = await requestAgent(store, request, reply);
    if (!agent) return reply;
    if (!ownerOf(request.params.siteId, agent.sites)) return reply.code(403).send(forbidden);
    return csatSettingsOf(await store.read.sites.settings(request.params.siteId));
  });

  app.put('/api/sites/:siteId/csat-settings', { schema: { params, body: CsatSettingsPatchSchema } }, async (request, reply) => {
    const agent = await requestAgent(store, request, reply);
    if (!agent) return reply;
    if (!ownerOf(request.params.siteId, agent.sites)) return reply.code(403).send(forbidden);
    const patch = Object.fromEntries(Object.entries(request.body).filter(([, v]) => v !== undefined));
    return csatSettingsOf(await store.unit((tx) => tx.sites.updateSettings(request.params.siteId, patch)));
  });
};
