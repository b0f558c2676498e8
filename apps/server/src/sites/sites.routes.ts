import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  SiteCreateSchema,
  SiteDeleteSchema,
  SiteIdSchema,
  SiteUpdateSchema,
  type CreatedSite,
  type IdentitySecretView,
  type SiteId,
  type SiteInstallView,
} from '@hearth/protocol';
import { authenticate, authorizeSite, HttpError } from '../auth/request-auth.ts';
import { rooms } from '../plugins/io.ts';
import { createSite, eraseSite, newIdentitySecret } from './site-lifecycle.ts';

const SiteParams = z.strictObject({ siteId: SiteIdSchema });

/**
 * Sites as owners make and unmake them (issue 13): any signed-in account creates a site and owns
 * it; owners rename it, change its website addresses, replace its identity secret and erase it.
 * The install check reads where the widget has loaded from.
 */
export const sitesRoutes: FastifyPluginAsyncZod = async (app) => {
  const { store } = app;

  const siteAnswer = async (siteId: SiteId): Promise<CreatedSite> => {
    const profile = await store.read.sites.profile(siteId);
    if (!profile) throw new HttpError(404, 'not_found', 'No such site.');
    const { allowedOrigins } = await store.read.sites.settings(siteId);
    return { site: { id: profile.id, name: profile.name, key: profile.key, role: 'owner' }, allowedOrigins };
  };

  app.post('/api/sites', { schema: { body: SiteCreateSchema } }, async (request, reply) => {
    const { agentId } = await authenticate(store, request);
    const { name, websiteAddress } = request.body;
    const site = await store.unit((tx) => createSite(tx, { ownerId: agentId, name, origin: websiteAddress, now: Date.now() }));
    // The console's socket joined its sites' rooms at connect: reconnecting puts it in the new one's.
    app.agentNsp.in(rooms.agent(agentId)).disconnectSockets(true);
    const created: CreatedSite = { site, allowedOrigins: [websiteAddress] };
    return reply.code(201).send(created);
  });

  app.patch('/api/sites/:siteId', { schema: { params: SiteParams, body: SiteUpdateSchema } }, async (request) => {
    const { siteId } = request.params;
    await authorizeSite(store, request, siteId, 'owner');
    const { name, allowedOrigins } = request.body;
    await store.unit(async (tx) => {
      if (name !== undefined && !(await tx.siteLifecycle.rename(siteId, name))) throw new HttpError(404, 'not_found', 'No such site.');
      if (allowedOrigins !== undefined) await tx.sites.updateSettings(siteId, { allowedOrigins });
    });
    return siteAnswer(siteId);
  });

  app.delete('/api/sites/:siteId', { schema: { params: SiteParams, body: SiteDeleteSchema } }, async (request, reply) => {
    const { siteId } = request.params;
    await authorizeSite(store, request, siteId, 'owner');
    const { memberIds } = await store.unit((tx) => eraseSite(tx, siteId, request.body.confirmName));
    // Gone means gone now: its visitors' widgets and its members' consoles (which reconnect scoped
    // to the sites they still have).
    app.visitorNsp.in(rooms.siteVisitors(siteId)).disconnectSockets(true);
    for (const id of memberIds) app.agentNsp.in(rooms.agent(id)).disconnectSockets(true);
    return reply.code(204).send();
  });

  /** A new identity secret: every `identify` hash signed with the old one stops verifying at once. */
  app.post('/api/sites/:siteId/identity-secret', { schema: { params: SiteParams } }, async (request, reply) => {
    const { siteId } = request.params;
    await authorizeSite(store, request, siteId, 'owner');
    const secret = newIdentitySecret();
    const replaced = await store.unit((tx) => tx.siteLifecycle.replaceSecret(siteId, secret));
    if (!replaced) throw new HttpError(404, 'not_found', 'No such site.');
    const view: IdentitySecretView = { secret };
    return reply.header('cache-control', 'no-store').send(view);
  });

  app.get('/api/sites/:siteId/install', { schema: { params: SiteParams } }, async (request, reply) => {
    const { siteId } = request.params;
    await authorizeSite(store, request, siteId, 'agent');
    const view: SiteInstallView = { origins: await store.read.siteLifecycle.installs(siteId) };
    return reply.header('cache-control', 'no-store').send(view);
  });
};
