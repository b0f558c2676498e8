import { and, asc, eq, inArray } from 'drizzle-orm';
import { schema, type HearthDb } from '@hearth/db';
import type { AgentId } from '@hearth/protocol';
import type { TeamStore } from '../../team/team.store.ts';

const { agents, memberships } = schema;

export function sqliteTeamStore(db: HearthDb): TeamStore {
  const members: TeamStore['members'] = async (siteId) =>
    db
      .select({ agentId: agents.id, name: agents.name, email: agents.email, role: memberships.role, avatarUrl: agents.avatarUrl })
      .from(memberships)
      .innerJoin(agents, eq(agents.id, memberships.agentId))
      .where(eq(memberships.siteId, siteId))
      .orderBy(asc(agents.name), asc(agents.id))
      .all();
  const member = (siteId: Parameters<TeamStore['setRole']>[0], agentId: AgentId) => and(eq(memberships.siteId, siteId), eq(memberships.agentId, agentId));
  return {
    members,
    // One writer on SQLite: nothing can change the team between this read and the unit's write.
    membersForChange: members,

    async setRole(siteId, agentId, role) {
      db.update(memberships).set({ role }).where(member(siteId, agentId)).run();
    },

    async removeMember(siteId, agentId) {
      db.delete(memberships).where(member(siteId, agentId)).run();
    },

    async addMember(row) {
      db.insert(memberships).values(row).onConflictDoNothing().run();
    },

    async createAgent(agent) {
      db.insert(agents).values(agent).run();
    },

    async hasMemberWithEmail(siteId, email) {
      const row = db
        .select({ id: agents.id })
        .from(memberships)
        .innerJoin(agents, eq(agents.id, memberships.agentId))
        .where(and(eq(memberships.siteId, siteId), eq(agents.email, email)))
        .get();
      return row !== undefined;
    },

    async profile(agentId) {
      return db.select({ agentId: agents.id, email: agents.email, name: agents.name, avatarUrl: agents.avatarUrl }).from(agents).where(eq(agents.id, agentId)).get() ?? null;
    },

    async updateProfile(agentId, patch) {
      if (Object.keys(patch).length) db.update(agents).set(patch).where(eq(agents.id, agentId)).run();
    },

    async agentNames(ids) {
      if (ids.length === 0) return new Map();
      const rows = db.select({ id: agents.id, name: agents.name }).from(agents).where(inArray(agents.id, [...ids])).all();
      return new Map(rows.map((a) => [a.id, a.name]));
    },
  };
}
