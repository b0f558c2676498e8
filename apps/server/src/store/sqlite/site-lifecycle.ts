import { and, asc, count, eq } from 'drizzle-orm';
import { schema, type HearthDb } from '@hearth/db';
import type { SiteLifecycleStore } from '../../sites/site-lifecycle.store.ts';

const { sites, memberships, deactivatedMembers, siteInstalls } = schema;

export function sqliteSiteLifecycleStore(db: HearthDb): SiteLifecycleStore {
  return {
    async create(site) {
      db.insert(sites).values({ id: site.id, key: site.key, name: site.name, secret: site.secret, settings: site.settings, createdAt: site.now }).run();
      db.insert(memberships).values({ siteId: site.id, agentId: site.ownerId, role: 'owner', createdAt: site.now }).run();
    },

    async ownedCount(agentId) {
      const row = db.select({ n: count() }).from(memberships).where(and(eq(memberships.agentId, agentId), eq(memberships.role, 'owner'))).get();
      return row?.n ?? 0;
    },

    async rename(siteId, name) {
      return db.update(sites).set({ name }).where(eq(sites.id, siteId)).run().changes === 1;
    },

    async replaceSecret(siteId, secret) {
      return db.update(sites).set({ secret }).where(eq(sites.id, siteId)).run().changes === 1;
    },

    async nameOf(siteId) {
      return db.select({ name: sites.name }).from(sites).where(eq(sites.id, siteId)).get()?.name ?? null;
    },

    async erase(siteId) {
      const active = db.select({ id: memberships.agentId }).from(memberships).where(eq(memberships.siteId, siteId)).all();
      const inactive = db.select({ id: deactivatedMembers.agentId }).from(deactivatedMembers).where(eq(deactivatedMembers.siteId, siteId)).all();
      if (db.delete(sites).where(eq(sites.id, siteId)).run().changes !== 1) return null;
      return { memberIds: [...new Set([...active, ...inactive].map((m) => m.id))] };
    },

    async recordInstall(siteId, origin, now, cap) {
      const known = db.select({ origin: siteInstalls.origin }).from(siteInstalls).where(eq(siteInstalls.siteId, siteId)).all();
      if (known.some((k) => k.origin === origin) || known.length >= cap) return false;
      return db.insert(siteInstalls).values({ siteId, origin, firstSeenAt: now }).onConflictDoNothing().run().changes === 1;
    },

    async installs(siteId) {
      return db
        .select({ origin: siteInstalls.origin, firstSeenAt: siteInstalls.firstSeenAt })
        .from(siteInstalls)
        .where(eq(siteInstalls.siteId, siteId))
        .orderBy(asc(siteInstalls.firstSeenAt), asc(siteInstalls.origin))
        .all();
    },
  };
}
