import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt } from 'drizzle-orm';
import { schema, type HearthDb } from '@hearth/db';
import type { AgentId, AgentSession, SiteId } from '@hearth/protocol';

const { agentSessions, agents, memberships, sites } = schema;

export const SESSION_COOKIE = 'hearth_session';
export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/** Only the SHA-256 of a session token is stored: a leaked database does not leak live sessions. */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export function createSession(db: HearthDb, agentId: AgentId, now: number): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  const tokenHash = hashSessionToken(token);
  db.insert(agentSessions).values({ tokenHash, agentId, createdAt: now, expiresAt: now + SESSION_TTL_MS }).run();
  return { token, tokenHash };
}

export function deleteSession(db: HearthDb, token: string): string {
  const tokenHash = hashSessionToken(token);
  db.delete(agentSessions).where(eq(agentSessions.tokenHash, tokenHash)).run();
  return tokenHash;
}

export interface AuthenticatedAgent {
  agentId: AgentId;
  name: string;
  email: string;
  tokenHash: string;
}

export function agentForSession(db: HearthDb, token: string | undefined, now: number): AuthenticatedAgent | null {
  if (!token || token.length > 128) return null;
  const tokenHash = hashSessionToken(token);
  const row = db
    .select({ agentId: agents.id, name: agents.name, email: agents.email })
    .from(agentSessions)
    .innerJoin(agents, eq(agents.id, agentSessions.agentId))
    .where(and(eq(agentSessions.tokenHash, tokenHash), gt(agentSessions.expiresAt, now)))
    .get();
  return row ? { ...row, tokenHash } : null;
}

export function agentSites(db: HearthDb, agentId: AgentId): AgentSession['sites'] {
  return db
    .select({ id: sites.id, name: sites.name, key: sites.key, role: memberships.role })
    .from(memberships)
    .innerJoin(sites, eq(sites.id, memberships.siteId))
    .where(eq(memberships.agentId, agentId))
    .all();
}

export function agentSiteIds(db: HearthDb, agentId: AgentId): SiteId[] {
  return agentSites(db, agentId).map((s) => s.id as SiteId);
}
