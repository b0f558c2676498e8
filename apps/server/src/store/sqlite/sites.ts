import { asc, count, eq } from 'drizzle-orm';
import { schema, type HearthDb } from '@hearth/db';
import type { SiteStore } from '../../sites/site.store.ts';
import { readSiteSettings, updateSiteSettings } from '../../sites/site-settings.ts';
import { agentDisplay } from '../../sites/agent-display.ts';

const { departments, sites } = schema;

export function sqliteSiteStore(db: HearthDb): SiteStore {
  const profile = { id: sites.id, name: sites.name, key: sites.key };
  return {
    async settings(siteId) {
      return readSiteSettings(db, siteId);
    },

    // One writer on SQLite: the read and the write cannot interleave with another unit's.
    async updateSettings(siteId, patch) {
      return updateSiteSettings(db, siteId, patch);
    },

    async agentDisplay(siteId) {
      return agentDisplay(db, siteId);
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
