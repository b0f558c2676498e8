import { and, eq, gt } from 'drizzle-orm';
import { pgSchema, type HearthPgDb } from '@hearth/db';
import type { AuthStore } from '../../auth/auth.store.ts';

const { agentSessions, agents, memberships, sites, visitors } = pgSchema;

/** One statement per function: no locks needed. */
export function pgAuthStore(db: HearthPgDb): AuthStore {
  return {
    async agentByEmail(email) {
      const [row] = await db.select({ id: agents.id, email: agents.email, name: agents.name, passwordHash: agents.passwordHash }).from(agents).where(eq(agents.email, email));
      return row ?? null;
    },

    async createSession(session) {
      await db.insert(agentSessions).values(session);
    },

    async deleteSession(tokenHash) {
      await db.delete(agentSessions).where(eq(agentSessions.tokenHash, tokenHash));
    },

    async sessionAgent(tokenHash, now) {
      const [row] = await db
        .select({ agentId: agents.id, name: agents.name, email: agents.email })
        .from(agentSessions)
        .innerJoin(agents, eq(agents.id, agentSessions.agentId))
        .where(and(eq(agentSessions.tokenHash, tokenHash), gt(agentSessions.expiresAt, now)));
      return row ?? null;
    },

    async sessionExpiry(tokenHash) {
      const [row] = await db.select({ expiresAt: agentSessions.expiresAt }).from(agentSessions).where(eq(agentSessions.tokenHash, tokenHash));
      return row?.expiresAt ?? null;
    },

    async agentSites(agentId) {
      return db
        .select({ id: sites.id, name: sites.name, key: sites.key, role: memberships.role })
        .from(memberships)
        .innerJoin(sites, eq(sites.id, memberships.siteId))
        .where(eq(memberships.agentId, agentId));
    },

    async siteIdsOf(agentId) {
      return (await db.select({ siteId: memberships.siteId }).from(memberships).where(eq(memberships.agentId, agentId))).map((r) => r.siteId);
    },

    async visitorSiteOf(visitorId) {
      const [row] = await db.select({ siteId: visitors.siteId }).from(visitors).where(eq(visitors.id, visitorId));
      return row?.siteId ?? null;
    },

    async siteRole(siteId, agentId) {
      const [row] = await db
        .select({ role: memberships.role })
        .from(memberships)
        .where(and(eq(memberships.siteId, siteId), eq(memberships.agentId, agentId)));
      return row?.role ?? null;
    },
  };
}
