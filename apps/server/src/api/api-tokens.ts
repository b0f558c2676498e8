import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { AgentId, ApiScope, ApiTokenCreated, SiteId } from '@hearth/protocol';
import type { StoreTx } from '../store/store.ts';
import type { ApiTokenGrant } from './api.store.ts';
import './api.store.ts';

/** Every token starts so, which lets secret scanners (and people) recognise one. */
const TOKEN_PREFIX = 'hth_';
/** How much of a token the console shows to tell tokens apart: the prefix and 6 characters. */
const SHOWN_CHARS = TOKEN_PREFIX.length + 6;

/** Hex SHA-256: tokens are 192 random bits, so a fast hash is enough (no guessing to slow down). */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/**
 * Creates a token for an owner's site: 24 random bytes as base64url after `hth_`. Only its hash is
 * stored; the answer carries the token this once.
 */
export async function createApiToken(
  tx: StoreTx,
  input: { siteId: SiteId; agentId: AgentId; name: string; scopes: ApiScope[]; expiresAt: number | null; now: number },
): Promise<ApiTokenCreated> {
  const token = `${TOKEN_PREFIX}${randomBytes(24).toString('base64url')}`;
  const id = randomUUID();
  const scopes = (['read', 'write'] as const).filter((s) => input.scopes.includes(s));
  const apiToken = await tx.api.create({
    id,
    siteId: input.siteId,
    name: input.name,
    tokenHash: hashToken(token),
    prefix: token.slice(0, SHOWN_CHARS),
    scopes,
    createdBy: input.agentId,
    expiresAt: input.expiresAt,
    now: input.now,
  });
  return { id, token, apiToken };
}

export type TokenCheck = { ok: true; grant: ApiTokenGrant } | { ok: false; code: 'unauthorized' | 'token_revoked' | 'token_expired'; message: string };

/**
 * Decides whether a bearer token may call the API now (pure, after the lookup by hash). Unknown
 * tokens and malformed headers read the same: a caller learns nothing about which tokens exist.
 */
export function checkToken(grant: ApiTokenGrant | null, now: number): TokenCheck {
  if (!grant) return { ok: false, code: 'unauthorized', message: 'Send a valid API token as "Authorization: Bearer hth_…".' };
  if (grant.revokedAt !== null) return { ok: false, code: 'token_revoked', message: 'This API token was revoked.' };
  if (grant.expiresAt !== null && grant.expiresAt <= now) return { ok: false, code: 'token_expired', message: 'This API token has expired.' };
  return { ok: true, grant };
}

/** The scope a request needs: reads need `read`, anything else `write`. */
export const scopeFor = (method: string): ApiScope => (method === 'GET' || method === 'HEAD' ? 'read' : 'write');

/** The bearer token of an Authorization header, if it looks like one of ours. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(hth_[A-Za-z0-9_-]{16,64})\s*$/i.exec(header ?? '');
  return match ? match[1]! : null;
}
