import type { AgentId, AgentSession, MemberRole, SiteId } from '@hearth/protocol';

/** An agent account as login sees it (the only read that returns the password hash). */
export interface AgentCredentials {
  id: AgentId;
  email: string;
  name: string;
  /** scrypt$N$r$p$salt$hash (auth/password.ts). */
  passwordHash: string;
}

/** The agent behind a live session token. */
export interface SessionAgent {
  agentId: AgentId;
  name: string;
  email: string;
}

/**
 * Agent login sessions and site membership lookups. Tokens never reach the store: callers pass
 * the token's SHA-256 (auth/sessions.ts `hashSessionToken`). Every function is one statement, so
 * none needs a lock on PostgreSQL.
 */
export interface AuthStore {
  /** The account with this (lower-case) email, or null. */
  agentByEmail(email: string): Promise<AgentCredentials | null>;
  /** Stores a new session. Epoch ms. */
  createSession(session: { tokenHash: string; agentId: AgentId; createdAt: number; expiresAt: number }): Promise<void>;
  /** Ends a session; unknown hashes are ignored. */
  deleteSession(tokenHash: string): Promise<void>;
  /** The agent of a session that has not expired at `now` (epoch ms), or null. */
  sessionAgent(tokenHash: string, now: number): Promise<SessionAgent | null>;
  /** When the session ends (epoch ms), or null when there is no such session (logged out). */
  sessionExpiry(tokenHash: string): Promise<number | null>;
  /** Every site the agent is a member of, with their role there (order unspecified). */
  agentSites(agentId: AgentId): Promise<AgentSession['sites']>;
  /** The agent's role on the site, or null when they are not a member. */
  siteRole(siteId: SiteId, agentId: AgentId): Promise<MemberRole | null>;
}

declare module '../store/store.ts' {
  interface StoreTx {
    auth: AuthStore;
  }
}
