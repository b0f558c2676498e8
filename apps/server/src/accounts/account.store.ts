import type { AgentId, DeactivatedMember, MemberRole, SiteId } from '@hearth/protocol';
import type { MailLocale } from '../mail/templates/account-strings.ts';

/** An account as its own changes see it (the password hash only for checking the current password). */
export interface AccountRow {
  id: AgentId;
  email: string;
  name: string;
  locale: MailLocale;
  passwordHash: string;
}

/** A single-use link's row: only the SHA-256 of its token is stored. Epoch ms. */
export interface AccountToken {
  tokenHash: string;
  agentId: AgentId;
  createdAt: number;
  expiresAt: number;
}

export type EmailChangeOutcome =
  | { kind: 'changed'; agentId: AgentId; oldEmail: string; newEmail: string; name: string; locale: MailLocale }
  /** Another account took the address after the link was sent: nothing changed (the link is used up). */
  | { kind: 'taken'; newEmail: string }
  /** Unknown, used or expired link. */
  | { kind: 'invalid' };

/**
 * Accounts changing and recovering themselves (issue 13): passwords, reset links, email changes,
 * and members deactivated per site. Tokens never reach the store, only their SHA-256.
 */
export interface AccountStore {
  byId(agentId: AgentId): Promise<AccountRow | null>;
  /** By lower-case email. */
  byEmail(email: string): Promise<AccountRow | null>;
  /** Replaces the password hash (scrypt, computed before the unit). */
  setPassword(agentId: AgentId, passwordHash: string): Promise<void>;
  /** Ends every session of the account but `keepTokenHash`; returns the ended sessions' hashes (their sockets close). */
  endSessions(agentId: AgentId, keepTokenHash: string | null): Promise<string[]>;

  /** Stores a reset link's hash. */
  addPasswordReset(token: AccountToken): Promise<void>;
  /** Reset links made for the account since `since` (the per-email rate limit). */
  passwordResetsSince(agentId: AgentId, since: number): Promise<number>;
  /**
   * Uses a reset link: unused and unexpired at `now`, it is marked used and every other open link
   * of the account too; returns its account. One conditional UPDATE decides, so two uses of one
   * link cannot both succeed (PostgreSQL: the row lock of that UPDATE).
   */
  usePasswordReset(tokenHash: string, now: number): Promise<AgentId | null>;

  addEmailChange(token: AccountToken & { newEmail: string }): Promise<void>;
  emailChangesSince(agentId: AgentId, since: number): Promise<number>;
  /**
   * Uses a confirmation link: marks it used and moves the account to the new address, unless
   * another account has it by now. PostgreSQL: the unique index on agents.email decides a race.
   */
  useEmailChange(tokenHash: string, now: number): Promise<EmailChangeOutcome>;

  /**
   * Moves a membership to `deactivated_members` (role and capacity kept). False if the agent is
   * not an (active) member. The last-owner rule is the caller's, decided in the same unit.
   */
  deactivate(input: { siteId: SiteId; agentId: AgentId; by: AgentId; now: number }): Promise<boolean>;
  /** Moves it back; false if the agent is not deactivated on the site. */
  reactivate(siteId: SiteId, agentId: AgentId): Promise<boolean>;
  /** The site's deactivated members, by name. */
  deactivatedOf(siteId: SiteId): Promise<DeactivatedMember[]>;
  /** True when the account is deactivated on some site and active on none: it may not sign in. */
  isLockedOut(agentId: AgentId): Promise<boolean>;
  /** Every site the account belongs to, active or deactivated, with its role there. */
  allMemberships(agentId: AgentId): Promise<Array<{ siteId: SiteId; role: MemberRole; active: boolean }>>;
}

declare module '../store/store.ts' {
  interface StoreTx {
    accounts: AccountStore;
  }
}
