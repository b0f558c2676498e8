import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt } from 'drizzle-orm';
import { schema, type HearthDb } from '@hearth/db';
import type { AgentId, SiteId } from '@hearth/protocol';
import type { AuthStore, SessionAgent } from './auth.store.ts';

export const SESSION_COOKIE = 'hearth_session';
export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/** Only the SHA-256 of a session token is stored: a leaked database does not leak live sessions. */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** A fresh session token (32 random bytes) and the hash the store keeps of it. */
export function newSessionToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashSessionToken(token) };
}

export interface AuthenticatedAgent extends SessionAgent {
  tokenHash: string;
}

/**
 * The agent signed in with this session token (from the cookie), or null for no token, an
 * over-long one (never hashed: a cheap refusal), an unknown or an expired one.
 */
export async function agentOfSession(auth: AuthStore, token: string | undefined, now: number): Promise<AuthenticatedAgent | null> {
  if (!token || token.length > 128) return null;
  const tokenHash = hashSessionToken(token);
  const agent = await auth.sessionAgent(tokenHash, now);
  return agent ? { ...agent, tokenHash } : null;
}

/**
 * @deprecated Synchronous SQLite read for code not yet behind the storage seam (realtime/,
 * routing/); use {@link agentOfSession} with `store.read.auth`.
 */
export function agentForSession(db: HearthDb, token: string | undefined, now: number): AuthenticatedAgent | null {
  if (!token || token.length > 128) return null;
  const tokenHash = hashSessionToken(token);
  const { agentSessions, agents } = schema;
  const row = db
    .select({ agentId: agents.id, name: agents.name, email: agents.email })
    .from(agentSessions)
    .innerJoin(agents, eq(agents.id, agentSessions.agentId))
    .where(and(eq(agentSessions.tokenHash, tokenHash), gt(agentSessions.expiresAt, now)))
    .get();
  return row ? { ...row, tokenHash } : null;
}

/**
 * @deprecated Synchronous SQLite read for code not yet behind the storage seam (realtime/,
 * routing/); use `store.read.auth.agentSites`.
 */
export function agentSiteIds(db: HearthDb, agentId: AgentId): SiteId[] {
  const { memberships } = schema;
  return db.select({ id: memberships.siteId }).from(memberships).where(eq(memberships.agentId, agentId)).all().map((s) => s.id);
}
