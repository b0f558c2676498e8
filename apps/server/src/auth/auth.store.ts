import type { AgentId, AgentSession, MemberRole, SiteId, VisitorId } from '@hearth/protocol';

/** An agent account as login sees it (the only read that returns the password hash). */
export interface AgentCredentials {
  id: AgentId;
  email: string;
  name: string;
  /** scrypt$N$r$p$salt$hash (auth/password.ts). */
  passwordHash: string;
}

/** The agent a live session belongs to. */
export interface SessionAgent {
  agentId: AgentId;
  name: string;
  email: string;
}

/**
 * Who is calling: agent login sessions and the membership lookups every authenticated path makes.
 * Tokens never reach the store: callers pass the token's SHA-256 (auth/sessions.ts
 * `hashSessionToken`). Every function is one statement, so none needs a lock on PostgreSQL.
 */
export interface AuthStore {
  /** The account with this (lower-case) email, or null. */
  agentByEmail(email: string): Promise<AgentCredentials | null>;
  /** Stores a new session. Epoch ms. */
  createSession(session: { tokenHash: string; agentId: AgentId; createdAt: number; expiresAt: number }): Promise<void>;
  /** Ends a session; unknown hashes are ignored. */
  deleteSession(tokenHash: string): Promise<void>;
  /** The agent of an unexpired session, by the SHA-256 of its token (sessions.ts `hashSessionToken`), or null. `now` is epoch ms. */
  sessionAgent(tokenHash: string, now: number): Promise<SessionAgent | null>;
  /** When the session ends (epoch ms), or null when there is no such session (logged out). */
  sessionExpiry(tokenHash: string): Promise<number | null>;
  /** Every site the agent is a member of, with their role there (order unspecified). */
  agentSites(agentId: AgentId): Promise<AgentSession['sites']>;
  /** The sites the agent is a member of (any role). */
  siteIdsOf(agentId: AgentId): Promise<SiteId[]>;
  /** The site a visitor id belongs to, or null if there is no such visitor (erased, or never issued). */
  visitorSiteOf(visitorId: VisitorId): Promise<SiteId | null>;
  /** The agent's role on the site, or null when they are not a member. */
  siteRole(siteId: SiteId, agentId: AgentId): Promise<MemberRole | null>;
}

declare module '../store/store.ts' {
  interface StoreTx {
    auth: AuthStore;
  }
}
