import { and, asc, count, eq } from 'drizzle-orm';
import { pgSchema, type HearthPgDb } from '@hearth/db';
import type { SiteLifecycleStore } from '../../sites/site-lifecycle.store.ts';

const { sites, memberships, deactivatedMembers, siteInstalls } = pgSchema;

/** Sites' lifecycle on PostgreSQL. `recordInstall` locks the site row so two nodes cannot pass the cap together. */
export function pgSiteLifecycleStore(db: HearthPgDb): SiteLifecycleStore {
  return {
    async create(site) {
      await db.insert(sites).values({ id: site.id, key: site.key, name: site.name, secret: site.secret, settings: site.settings, createdAt: site.now });
      await db.insert(memberships).values({ siteId: site.id, agentId: site.ownerId, role: 'owner', createdAt: site.now });
    },

    async ownedCount(agentId) {
      const [row] = await db.select({ n: count() }).from(memberships).where(and(eq(memberships.agentId, agentId), eq(memberships.role, 'owner')));
      return Number(row?.n ?? 0);
    },

    async rename(siteId, name) {
      return (await db.update(sites).set({ name }).where(eq(sites.id, siteId)).returning({ id: sites.id })).length === 1;
    },

    async replaceSecret(siteId, secret) {
      return (await db.update(sites).set({ secret }).where(eq(sites.id, siteId)).returning({ id: sites.id })).length === 1;
    },

    async nameOf(siteId) {
      const [row] = await db.select({ name: sites.name }).from(sites).where(eq(sites.id, siteId));
      return row?.name ?? null;
    },

    async erase(siteId) {
      const active = await db.select({ id: memberships.agentId }).from(memberships).where(eq(memberships.siteId, siteId));
      const inactive = await db.select({ id: deactivatedMembers.agentId }).from(deactivatedMembers).where(eq(deactivatedMembers.siteId, siteId));
      const gone = await db.delete(sites).where(eq(sites.id, siteId)).returning({ id: sites.id });
      if (gone.length !== 1) return null;
      return { memberIds: [...new Set([...active, ...inactive].map((m) => m.id))] };
    },

    async recordInstall(siteId, origin, now, cap) {
      const [site] = await db.select({ id: sites.id }).from(sites).where(eq(sites.id, siteId)).for('update');
      if (!site) return false;
      const known = await db.select({ origin: siteInstalls.origin }).from(siteInstalls).where(eq(siteInstalls.siteId, siteId));
      if (known.some((k) => k.origin === origin) || known.length >= cap) return false;
      const added = await db.insert(siteInstalls).values({ siteId, origin, firstSeenAt: now }).onConflictDoNothing().returning({ origin: siteInstalls.origin });
      return added.length === 1;
    },

    async installs(siteId) {
      return db
        .select({ origin: siteInstalls.origin, firstSeenAt: siteInstalls.firstSeenAt })
        .from(siteInstalls)
        .where(eq(siteInstalls.siteId, siteId))
        .orderBy(asc(siteInstalls.firstSeenAt), asc(siteInstalls.origin));
    },
  };
}
