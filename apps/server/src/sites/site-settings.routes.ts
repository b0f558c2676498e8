import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SiteIdSchema, SiteSettingsUpdateSchema, type SiteId, type SiteSettingsView } from '@hearth/protocol';
import type { Store } from '../store/store.ts';
import { authorizeSite, HttpError } from '../auth/request-auth.ts';
import './site.store.ts';

const SiteParams = z.strictObject({ siteId: SiteIdSchema });

/** Which error code a refused settings body gets: the console points at the field. */
function refusalCode(paths: ReadonlyArray<ReadonlyArray<PropertyKey>>): string {
  if (paths.some((p) => p[0] === 'appearance' && p[1] === 'brandColor')) return 'invalid_color';
  if (paths.some((p) => p[0] === 'allowedOrigins')) return 'invalid_origin';
  return 'invalid_payload';
}

async function settingsView(store: Store, siteId: SiteId, role: 'owner' | 'agent'): Promise<SiteSettingsView> {
  const site = await store.read.sites.profile(siteId);
  if (!site) throw new HttpError(404, 'not_found', 'No such site.');
  const settings = await store.read.sites.settings(siteId);
  return {
    siteId,
    siteName: site.name,
    siteKey: site.key,
    role,
    appearance: settings.appearance,
    prechat: settings.prechat,
    allowedOrigins: settings.allowedOrigins,
    requireIdentity: settings.requireIdentity,
  };
}

/**
 * Settings → Appearance, Pre-chat, Allowed origins and the embed snippet's inputs. Every member of
 * the site may read them (agents see a read-only form); only owners change them. The identity
 * secret has its own owner-only route, so the settings answer never carries it.
 */
export const siteSettingsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { store } = app;

  app.get('/api/sites/:siteId/settings', { schema: { params: SiteParams } }, async (request) => {
    const { siteId } = request.params;
    const { role } = await authorizeSite(store, request, siteId, 'agent');
    return settingsView(store, siteId, role);
  });

  // The body is parsed here rather than by the route schema, so a bad colour or origin gets its own code.
  app.put('/api/sites/:siteId/settings', { schema: { params: SiteParams } }, async (request, reply) => {
    const { siteId } = request.params;
    await authorizeSite(store, request, siteId, 'owner');
    const parsed = SiteSettingsUpdateSchema.safeParse(request.body);
    if (!parsed.success) {
      const message = parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ');
      return reply.code(400).send({ error: { code: refusalCode(parsed.error.issues.map((i) => i.path)), message } });
    }
    const patch = Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined));
    await store.unit((tx) => tx.sites.updateSettings(siteId, patch));
    return settingsView(store, siteId, 'owner');
  });

  /** The identity-verification secret: owners only, fetched on an explicit click in the console. */
  app.get('/api/sites/:siteId/identity-secret', { schema: { params: SiteParams } }, async (request, reply) => {
    const { siteId } = request.params;
    await authorizeSite(store, request, siteId, 'owner');
    const secret = await store.read.sites.identitySecret(siteId);
    void reply.header('cache-control', 'no-store');
    return { secret: secret ?? '' };
  });
};
