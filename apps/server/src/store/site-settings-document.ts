import { SiteSettingsSchema, type SiteSettings } from '@hearth/protocol';

/**
 * How a site's settings are stored, for every adapter: one JSON document per site (sites.settings),
 * parsed by SiteSettingsSchema so that keys added later read as their defaults.
 */

/** The stored settings text with every default filled in; a corrupt document reads as all defaults. */
export function parseSiteSettings(text: string | undefined): SiteSettings {
  let stored: unknown = {};
  try {
    stored = JSON.parse(text ?? '{}');
  } catch {
    // Fall through to defaults: a corrupt document must not take the site's chat down.
  }
  const parsed = SiteSettingsSchema.safeParse(stored);
  return parsed.success ? parsed.data : SiteSettingsSchema.parse({});
}
