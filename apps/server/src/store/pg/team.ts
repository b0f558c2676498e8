import { and, asc, eq, inArray } from 'drizzle-orm';
import { pgSchema, type HearthPgDb } from '@hearth/db';
import type { AgentId, SiteId } from '@hearth/protocol';
import type { TeamStore } from '../../team/team.store.ts';

const { agents, memberships, sites } = pgSchema;

export function pgTeamStore(db: HearthPgDb): TeamStore {
  const members: TeamStore['members'] = async (siteId) =>
    db
      .select({ agentId: agents.id, name: agents.name, email: agents.email, role: memberships.role, avatarUrl: agents.avatarUrl })
      .from(memberships)
      .innerJoin(agents, eq(agents.id, memberships.agentId))
      .where(eq(memberships.siteId, siteId))
      .orderBy(asc(agents.name), asc(agents.id));
  const member = (siteId: SiteId, agentId: AgentId) => and(eq(memberships.siteId, siteId), eq(memberships.agentId, agentId));
  return {
    members,

    // The site row is the team's lock: every change decided from this read (the last-owner rule)
    // holds it until COMMIT, so two owners demoting each other decide one after the other.
    async membersForChange(siteId) {
      await db.select({ id: sites.id }).from(sites).where(eq(sites.id, siteId)).for('update');
      return members(siteId);
    },

    async setRole(siteId, agentId, role) {
      await db.update(memberships).set({ role }).where(member(siteId, agentId));
    },

    async removeMember(siteId, agentId) {
      await db.delete(memberships).where(member(siteId, agentId));
    },

    async addMember(row) {
      await db.insert(memberships).values(row).onConflictDoNothing();
    },

    async createAgent(agent) {
      await db.insert(agents).values(agent);
    },

    async hasMemberWithEmail(siteId, email) {
      const [row] = await db
        .select({ id: agents.id })
        .from(memberships)
        .innerJoin(agents, eq(agents.id, memberships.agentId))
        .where(and(eq(memberships.siteId, siteId), eq(agents.email, email)))
        .limit(1);
      return row !== undefined;
    },

    async profile(agentId) {
      const [row] = await db.select({ agentId: agents.id, email: agents.email, name: agents.name, avatarUrl: agents.avatarUrl }).from(agents).where(eq(agents.id, agentId));
      return row ?? null;
    },

    async updateProfile(agentId, patch) {
      if (Object.keys(patch).length) await db.update(agents).set(patch).where(eq(agents.id, agentId));
    },

    async agentNames(ids) {
      if (ids.length === 0) return new Map();
      const rows = await db.select({ id: agents.id, name: agents.name }).from(agents).where(inArray(agents.id, [...ids]));
      return new Map(rows.map((a) => [a.id, a.name]));
    },
  };
}
