import { asc, count, eq, sql } from 'drizzle-orm';
import { preparedStatements, schema, type HearthDb } from '@hearth/db';
import { SiteSettingsSchema, type SiteId, type SiteSettings } from '@hearth/protocol';
import type { SiteStore } from '../../sites/site.store.ts';
import { parseSiteSettings } from '../site-settings-document.ts';

const { departments, sites } = schema;

const statements = preparedStatements((db: HearthDb) => ({
  site: db.select({ name: sites.name, settings: sites.settings }).from(sites).where(eq(sites.id, sql.placeholder('id'))).prepare(),
}));

export function sqliteSiteStore(db: HearthDb): SiteStore {
  // Settings are read on every message's path (the visitor's view, routing): parse a site's
  // document only when its text changed, instead of per read.
  const parsed = new Map<SiteId, { text: string; settings: SiteSettings }>();
  const settingsOf = (siteId: SiteId, text: string | undefined): SiteSettings => {
    if (text === undefined) return parseSiteSettings(undefined);
    const hit = parsed.get(siteId);
    if (hit && hit.text === text) return hit.settings;
    const settings = parseSiteSettings(text);
    parsed.set(siteId, { text, settings });
    return settings;
  };
  const profile = { id: sites.id, name: sites.name, key: sites.key };
  return {
    async settings(siteId) {
      return settingsOf(siteId, statements(db).site.get({ id: siteId })?.settings);
    },

    async agentDisplay(siteId) {
      const row = statements(db).site.get({ id: siteId });
      if (!row) return { showAgents: true, siteName: '' };
      return { showAgents: settingsOf(siteId, row.settings).appearance.showAgents, siteName: row.name };
    },

    // One writer on SQLite: the read and the write cannot interleave with another unit's.
    async updateSettings(siteId, patch) {
      const current = settingsOf(siteId, statements(db).site.get({ id: siteId })?.settings);
      const next = SiteSettingsSchema.parse({ ...current, ...patch });
      db.update(sites).set({ settings: JSON.stringify(next) }).where(eq(sites.id, siteId)).run();
      return next;
    },

    async profile(siteId) {
      return db.select(profile).from(sites).where(eq(sites.id, siteId)).get() ?? null;
    },

    async byKey(key) {
      return db.select(profile).from(sites).where(eq(sites.key, key)).get() ?? null;
    },

    async identitySecret(siteId) {
      return db.select({ secret: sites.secret }).from(sites).where(eq(sites.id, siteId)).get()?.secret ?? null;
    },

    async firstSiteKey() {
      return db.select({ key: sites.key }).from(sites).orderBy(asc(sites.createdAt), asc(sites.id)).limit(1).get()?.key ?? null;
    },

    async departments(siteId) {
      return db.select({ id: departments.id, name: departments.name }).from(departments).where(eq(departments.siteId, siteId)).orderBy(asc(departments.name)).all();
    },

    async count() {
      return db.select({ n: count() }).from(sites).get()?.n ?? 0;
    },

    async create(site) {
      db.insert(sites).values(site).run();
    },
  };
}
