import type { FastifyInstance } from 'fastify';
import type { SiteId, WidgetTriggerConfig } from '@hearth/protocol';
import { agentsOnline } from '../routing/availability.ts';
import { readSiteSettings } from '../sites/site-settings.ts';
import { listTriggers } from './trigger-store.ts';

/**
 * What the loader's triggers chunk evaluates, or null when the site has no enabled trigger (the
 * loader then never fetches the chunk). Served in `GET /api/widget/config` (widget/).
 */
export function widgetTriggerConfig(app: FastifyInstance, site: { id: SiteId; name: string }): WidgetTriggerConfig | null {
  const triggers = listTriggers(app.sqlite.db, site.id).filter((t) => t.enabled);
  if (!triggers.length) return null;
  const settings = readSiteSettings(app.sqlite.db, site.id).triggers;
  return {
    siteName: site.name,
    rage: settings.rage,
    checkoutIdleSeconds: settings.checkoutIdleSeconds,
    checkoutPattern: settings.checkoutPattern,
    agentsOnline: agentsOnline(app, site.id),
    triggers,
  };
}
