import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { WidgetSessionRequestSchema, type VisitorId, type WidgetSessionResponse } from '@hearth/protocol';
import type { Config } from '../config.ts';
import { decideIdentity, embeddingAllowed } from '../identity/identity-rules.ts';
import { agentsOnline } from '../routing/availability.ts';

/**
 * The widget's first call: a site key (and the token it kept, if any) in, a signed visitor token
 * out. A token that is invalid, forged or for another site is not an error: the visitor simply
 * starts fresh, so a broken token can never lock someone out of chat.
 */
export const widgetSessionRoutes: FastifyPluginAsyncZod<{ config: Config }> = async (app, { config }) => {
  const { store } = app;

  app.post(
    '/api/widget/session',
    // Each call may create a visitor: bounded per IP so a script cannot fill the database.
    { schema: { body: WidgetSessionRequestSchema }, config: { rateLimit: { max: config.RATE_WIDGET_SESSIONS_PER_HOUR, timeWindow: '1 hour' } } }, async (request, reply) => {
    const site = await store.read.sites.byKey(request.body.siteKey);
    const secret = site && (await store.read.sites.identitySecret(site.id));
    if (!site || secret === null) return reply.code(404).send({ error: { code: 'unknown_site', message: 'No site has this key.' } });
    const settings = await store.read.sites.settings(site.id);
    if (!embeddingAllowed(settings.allowedOrigins, request.body.host, request.headers.origin, request.headers.host)) {
      return reply.code(403).send({ error: { code: 'origin_not_allowed', message: 'This site does not allow its widget on this page.' } });
    }
    const identity = decideIdentity(secret, settings, request.body.identity);
    if (identity.kind === 'refused') return reply.code(401).send({ error: { code: identity.code, message: identity.message } });

    const seen = { now: Date.now(), userAgent: request.headers['user-agent']?.slice(0, 512) ?? null };
    const claims = app.visitorTokens.verify(request.body.token);
    const tokenVisitorId = claims?.siteId === site.id ? claims.visitorId : null;
    const visitorId = await store.unit(async (tx): Promise<VisitorId> => {
      // The same user on any device is one visitor with one history.
      if (identity.kind === 'identified') {
        // Newly identified in this browser (a first identify, another device, another user): a
        // fact for integrations; a page load of a visitor already identified as them is none.
        const before = tokenVisitorId ? await tx.visitors.profile(site.id, tokenVisitorId) : null;
        const id = await tx.identity.identifiedVisitor(site.id, identity, tokenVisitorId, seen);
        if (id !== tokenVisitorId || before?.externalId !== identity.externalId) {
          await tx.facts.record('visitor.identified', { siteId: site.id, visitorId: id, externalId: identity.externalId, name: identity.name, email: identity.email, verified: true, now: seen.now });
        }
        return id;
      }
      // A token of an identified visitor is not reused anonymously (the host's user signed out).
      if (tokenVisitorId && (await tx.visitors.touchAnonymous(site.id, tokenVisitorId, seen))) return tokenVisitorId;
      const id = randomUUID() as VisitorId;
      await tx.visitors.create({ id, siteId: site.id, userAgent: seen.userAgent, externalId: null, now: seen.now });
      return id;
    });
    const response: WidgetSessionResponse = {
      token: app.visitorTokens.sign({ siteId: site.id, visitorId }),
      visitorId,
      site: {
        name: site.name,
        departments: await store.read.sites.departments(site.id),
        appearance: settings.appearance,
        prechat: settings.prechat,
      },
      agentsOnline: await agentsOnline(app, site.id),
    };
    return response;
  });
};
