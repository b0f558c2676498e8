import { asc, count, eq } from 'drizzle-orm';
import { pgSchema, type HearthPgDb } from '@hearth/db';
import { SiteSettingsSchema, type SiteId, type SiteSettings } from '@hearth/protocol';
import type { SiteStore } from '../../sites/site.store.ts';
import { parseSiteSettings } from '../site-settings-document.ts';

const { departments, sites } = pgSchema;

/**
 * Each site's settings text → its parse, per process: settings are read on every message's path
 * (the visitor's view, routing) and change only when an owner saves them. Keyed by the text, so
 * another node's change is parsed at the next read. The parsed object is shared: read-only.
 */
const parsed = new Map<SiteId, { text: string; settings: SiteSettings }>();
function settingsOf(siteId: SiteId, text: string | undefined): SiteSettings {
  if (text === undefined) return parseSiteSettings(undefined);
  const hit = parsed.get(siteId);
  if (hit && hit.text === text) return hit.settings;
  const settings = parseSiteSettings(text);
  parsed.set(siteId, { text, settings });
  return settings;
}

export function pgSiteStore(db: HearthPgDb): SiteStore {
  const profile = { id: sites.id, name: sites.name, key: sites.key };
  const settingsText = async (siteId: SiteId, forUpdate: boolean) => {
    const query = db.select({ settings: sites.settings }).from(sites).where(eq(sites.id, siteId));
    const [row] = forUpdate ? await query.for('update') : await query;
    return row?.settings;
  };
  return {
    async settings(siteId) {
      return settingsOf(siteId, await settingsText(siteId, false));
    },

    // The site row is locked before reading: a concurrent patch of another key waits and then
    // merges into this one's result, instead of both writing back what they read.
    async updateSettings(siteId, patch) {
      const next = SiteSettingsSchema.parse({ ...settingsOf(siteId, await settingsText(siteId, true)), ...patch });
      await db.update(sites).set({ settings: JSON.stringify(next) }).where(eq(sites.id, siteId));
      return next;
    },

    async agentDisplay(siteId) {
      const [row] = await db.select({ name: sites.name, settings: sites.settings }).from(sites).where(eq(sites.id, siteId));
      if (!row) return { showAgents: true, siteName: '' };
      return { showAgents: settingsOf(siteId, row.settings).appearance.showAgents, siteName: row.name };
    },

    async profile(siteId) {
      const [row] = await db.select(profile).from(sites).where(eq(sites.id, siteId));
      return row ?? null;
    },

    async byKey(key) {
      const [row] = await db.select(profile).from(sites).where(eq(sites.key, key));
      return row ?? null;
    },

    async identitySecret(siteId) {
      const [row] = await db.select({ secret: sites.secret }).from(sites).where(eq(sites.id, siteId));
      return row?.secret ?? null;
    },

    async firstSiteKey() {
      const [row] = await db.select({ key: sites.key }).from(sites).orderBy(asc(sites.createdAt), asc(sites.id)).limit(1);
      return row?.key ?? null;
    },

    async departments(siteId) {
      return db.select({ id: departments.id, name: departments.name }).from(departments).where(eq(departments.siteId, siteId)).orderBy(asc(departments.name));
    },

    async count() {
      const [row] = await db.select({ n: count() }).from(sites);
      return row?.n ?? 0;
    },

    async create(site) {
      await db.insert(sites).values(site);
    },
  };
}
