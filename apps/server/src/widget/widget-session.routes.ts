import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { and, eq, isNull } from 'drizzle-orm';
import { schema } from '@hearth/db';
import { WidgetSessionRequestSchema, type VisitorId, type WidgetSessionResponse } from '@hearth/protocol';
import type { Config } from '../config.ts';
import { readSiteSettings } from '../sites/site-settings.ts';
import { decideIdentity, embeddingAllowed } from '../identity/identity-rules.ts';
import { identifiedVisitor } from '../identity/identified-visitor.ts';
import { agentsOnline } from '../routing/availability.ts';

const { sites, visitors } = schema;

/**
 * The widget's first call: a site key (and the token it kept, if any) in, a signed visitor token
 * out. A token that is invalid, forged or for another site is not an error: the visitor simply
 * starts fresh, so a broken token can never lock someone out of chat.
 */
export const widgetSessionRoutes: FastifyPluginAsyncZod<{ config: Config }> = async (app, { config }) => {
  const { db } = app.sqlite;

  app.post(
    '/api/widget/session',
    // Each call may create a visitor: bounded per IP so a script cannot fill the database.
    { schema: { body: WidgetSessionRequestSchema }, config: { rateLimit: { max: config.RATE_WIDGET_SESSIONS_PER_HOUR, timeWindow: '1 hour' } } }, async (request, reply) => {
    const site = db.select({ id: sites.id, name: sites.name, secret: sites.secret }).from(sites).where(eq(sites.key, request.body.siteKey)).get();
    if (!site) return reply.code(404).send({ error: { code: 'unknown_site', message: 'No site has this key.' } });
    const settings = readSiteSettings(db, site.id);
    if (!embeddingAllowed(settings.allowedOrigins, request.body.host, request.headers.origin, request.headers.host)) {
      return reply.code(403).send({ error: { code: 'origin_not_allowed', message: 'This site does not allow its widget on this page.' } });
    }
    const identity = decideIdentity(site.secret, settings, request.body.identity);
    if (identity.kind === 'refused') return reply.code(401).send({ error: { code: identity.code, message: identity.message } });
    const externalId = identity.kind === 'identified' ? identity.externalId : null;

    const now = Date.now();
    const userAgent = request.headers['user-agent']?.slice(0, 512) ?? null;
    const claims = app.visitorTokens.verify(request.body.token);
    let visitorId: VisitorId | undefined;
    if (identity.kind === 'identified') {
      // The same user on any device is one visitor with one history.
      visitorId = identifiedVisitor(db, site.id, identity, claims?.siteId === site.id ? claims.visitorId : null, userAgent, now);
    } else if (claims && claims.siteId === site.id) {
      // A token of an identified visitor is not reused anonymously (the host's user signed out).
      const updated = db
        .update(visitors)
        .set({ lastSeenAt: now, userAgent })
        .where(and(eq(visitors.id, claims.visitorId), eq(visitors.siteId, site.id), isNull(visitors.externalId)))
        .run();
      if (updated.changes === 1) visitorId = claims.visitorId;
    }
    if (!visitorId) {
      visitorId = randomUUID() as VisitorId;
      db.insert(visitors).values({ id: visitorId, siteId: site.id, userAgent, createdAt: now, lastSeenAt: now, externalId }).run();
    }
    const response: WidgetSessionResponse = {
      token: app.visitorTokens.sign({ siteId: site.id, visitorId }),
      visitorId,
      site: {
        name: site.name,
        departments: db
          .select({ id: schema.departments.id, name: schema.departments.name })
          .from(schema.departments)
          .where(eq(schema.departments.siteId, site.id))
          .all(),
        appearance: settings.appearance,
        prechat: settings.prechat,
      },
      agentsOnline: agentsOnline(app, site.id),
    };
    return response;
  });
};
