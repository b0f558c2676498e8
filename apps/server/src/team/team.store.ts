import type { AgentId, AgentProfile, MemberRole, SiteId, TeamMember } from '@hearth/protocol';

export interface NewAgentRow {
  id: AgentId;
  /** Lower-case; unique across the installation. */
  email: string;
  name: string;
  /** scrypt hash (auth/password.ts), computed before the unit. */
  passwordHash: string;
  /** Epoch ms. */
  createdAt: number;
}

/** Agents' accounts and their memberships of sites (Settings → Team, My profile). */
export interface TeamStore {
  /** The site's members with their roles, by name. */
  members(siteId: SiteId): Promise<TeamMember[]>;
  /**
   * {@link members} for a decision that changes the team (the last-owner rule). Inside a unit only.
   * PostgreSQL: first locks the site row `FOR UPDATE`, so two owners demoting each other at once
   * decide one after the other and the site keeps an owner.
   */
  membersForChange(siteId: SiteId): Promise<TeamMember[]>;
  setRole(siteId: SiteId, agentId: AgentId, role: MemberRole): Promise<void>;
  removeMember(siteId: SiteId, agentId: AgentId): Promise<void>;
  /** Adds a membership; an existing one is left as it is (its role unchanged). */
  addMember(member: { siteId: SiteId; agentId: AgentId; role: MemberRole; createdAt: number }): Promise<void>;
  /** Inserts an account; a taken email throws (unique violation; a PostgreSQL unit re-runs and sees it). */
  createAgent(agent: NewAgentRow): Promise<void>;
  /** Whether someone with this (lower-case) email is a member of the site. */
  hasMemberWithEmail(siteId: SiteId, email: string): Promise<boolean>;
  profile(agentId: AgentId): Promise<AgentProfile | null>;
  /** Changes the given fields of the agent's own profile (an empty patch writes nothing). */
  updateProfile(agentId: AgentId, patch: { name?: string; avatarUrl?: string | null }): Promise<void>;
  /** Display names of the agents that still exist among `ids` (former agents are absent). */
  agentNames(ids: readonly AgentId[]): Promise<Map<AgentId, string>>;
}

declare module '../store/store.ts' {
  interface StoreTx {
    team: TeamStore;
  }
}
