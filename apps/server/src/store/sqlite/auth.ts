import { and, eq, gt, sql } from 'drizzle-orm';
import { preparedStatements, schema, type HearthDb } from '@hearth/db';
import type { AuthStore } from '../../auth/auth.store.ts';

const { agentSessions, agents, memberships, sites, visitors } = schema;

// Every socket connection and authenticated request runs these: prepared once per connection.
const statements = preparedStatements((db: HearthDb) => ({
  sessionAgent: db
    .select({ agentId: agents.id, name: agents.name, email: agents.email })
    .from(agentSessions)
    .innerJoin(agents, eq(agents.id, agentSessions.agentId))
    .where(and(eq(agentSessions.tokenHash, sql.placeholder('tokenHash')), gt(agentSessions.expiresAt, sql.placeholder('now'))))
    .prepare(),
  siteIdsOf: db.select({ siteId: memberships.siteId }).from(memberships).where(eq(memberships.agentId, sql.placeholder('agentId'))).prepare(),
  visitorSite: db.select({ siteId: visitors.siteId }).from(visitors).where(eq(visitors.id, sql.placeholder('visitorId'))).prepare(),
}));

export function sqliteAuthStore(db: HearthDb): AuthStore {
  return {
    async agentByEmail(email) {
      return db.select({ id: agents.id, email: agents.email, name: agents.name, passwordHash: agents.passwordHash }).from(agents).where(eq(agents.email, email)).get() ?? null;
    },

    async createSession(session) {
      db.insert(agentSessions).values(session).run();
    },

    async deleteSession(tokenHash) {
      db.delete(agentSessions).where(eq(agentSessions.tokenHash, tokenHash)).run();
    },

    async sessionAgent(tokenHash, now) {
      return statements(db).sessionAgent.get({ tokenHash, now }) ?? null;
    },

    async sessionExpiry(tokenHash) {
      return db.select({ expiresAt: agentSessions.expiresAt }).from(agentSessions).where(eq(agentSessions.tokenHash, tokenHash)).get()?.expiresAt ?? null;
    },

    async agentSites(agentId) {
      return db
        .select({ id: sites.id, name: sites.name, key: sites.key, role: memberships.role })
        .from(memberships)
        .innerJoin(sites, eq(sites.id, memberships.siteId))
        .where(eq(memberships.agentId, agentId))
        .all();
    },

    async siteIdsOf(agentId) {
      return statements(db).siteIdsOf.all({ agentId }).map((r) => r.siteId);
    },

    async visitorSiteOf(visitorId) {
      return statements(db).visitorSite.get({ visitorId })?.siteId ?? null;
    },

    async siteRole(siteId, agentId) {
      return (
        db
          .select({ role: memberships.role })
          .from(memberships)
          .where(and(eq(memberships.siteId, siteId), eq(memberships.agentId, agentId)))
          .get()?.role ?? null
      );
    },
  };
}
