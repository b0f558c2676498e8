import { eq } from 'drizzle-orm';
import { schema, type HearthDb } from '@hearth/db';
import { SiteSettingsSchema, type SiteId, type SiteSettings } from '@hearth/protocol';
import { parseSiteSettings } from '../store/site-settings-document.ts';

// Re-exported for callers that still import it from here (the parse is the store's: store/site-settings-document.ts).
export { parseSiteSettings };

/**
 * @deprecated Synchronous SQLite read for code not yet behind the storage seam (routing/,
 * closing/, tests); use `store.read.sites.settings`.
 */
export function readSiteSettings(db: HearthDb, siteId: SiteId): SiteSettings {
  const row = db.select({ settings: schema.sites.settings }).from(schema.sites).where(eq(schema.sites.id, siteId)).get();
  return parseSiteSettings(row?.settings);
}

/**
 * @deprecated Synchronous SQLite write for code not yet behind the storage seam (routing/, tests);
 * use `tx.sites.updateSettings` in a unit.
 */
export function updateSiteSettings(db: HearthDb, siteId: SiteId, patch: Partial<SiteSettings>): SiteSettings {
  const next = SiteSettingsSchema.parse({ ...readSiteSettings(db, siteId), ...patch });
  db.update(schema.sites).set({ settings: JSON.stringify(next) }).where(eq(schema.sites.id, siteId)).run();
  return next;
}
