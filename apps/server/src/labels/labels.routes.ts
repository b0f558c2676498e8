import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LabelIdSchema, LabelInputSchema, SiteIdSchema } from '@hearth/protocol';
import { requestAgent, scopeSites } from '../auth/request-agent.ts';
import { authorizeSite } from '../auth/request-auth.ts';
import './label.store.ts';
import { labelAgentCommands } from './label.commands.ts';

const siteParams = z.strictObject({ siteId: SiteIdSchema });

/** Per-site labels: every member reads and creates them (as they triage); owners delete them. */
export const labelsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { store } = app;
  app.realtime.agentCommands(['label:add', 'label:remove'], (socket) => labelAgentCommands(app, socket));

  app.get('/api/labels', { schema: { querystring: z.strictObject({ siteId: SiteIdSchema.optional() }) } }, async (request, reply) => {
    const caller = await requestAgent(store, request, reply);
    if (!caller) return reply;
    const siteIds = scopeSites(caller.sites.map((s) => s.id), request.query.siteId, reply);
    if (!siteIds) return reply;
    return { labels: await store.read.labels.list(siteIds) };
  });

  app.post('/api/sites/:siteId/labels', { schema: { params: siteParams, body: LabelInputSchema } }, async (request, reply) => {
    const { siteId } = request.params;
    await authorizeSite(store, request, siteId, 'agent');
    const label = await store.unit((tx) => tx.labels.create(siteId, request.body, Date.now()));
    if (!label) return reply.code(409).send({ error: { code: 'conflict', message: 'A label with that name exists.' } });
    return reply.code(201).send({ label });
  });

  app.delete(
    '/api/sites/:siteId/labels/:labelId',
    { schema: { params: z.strictObject({ siteId: SiteIdSchema, labelId: LabelIdSchema }) } },
    async (request, reply) => {
      const { siteId, labelId } = request.params;
      await authorizeSite(store, request, siteId, 'owner');
      if (!(await store.unit((tx) => tx.labels.delete(siteId, labelId)))) return reply.code(404).send({ error: { code: 'not_found', message: 'No such label.' } });
      return reply.code(204).send();
    },
  );
};
