import type { FastifyInstance } from 'fastify';
import type { SiteId, WidgetTriggerConfig } from '@hearth/protocol';
import { agentsOnline } from '../routing/availability.ts';
import './trigger.store.ts';

/**
 * What the loader's triggers chunk evaluates, or null when the site has no enabled trigger (the
 * loader then never fetches the chunk). Served in `GET /api/widget/config` (widget/).
 */
export async function widgetTriggerConfig(app: FastifyInstance, site: { id: SiteId; name: string }): Promise<WidgetTriggerConfig | null> {
  const triggers = (await app.store.read.triggers.list(site.id)).filter((t) => t.enabled);
  if (!triggers.length) return null;
  const settings = (await app.store.read.sites.settings(site.id)).triggers;
  return {
    siteName: site.name,
    rage: settings.rage,
    checkoutIdleSeconds: settings.checkoutIdleSeconds,
    checkoutPattern: settings.checkoutPattern,
    agentsOnline: await agentsOnline(app, site.id),
    triggers,
  };
}
