import { createHmac, timingSafeEqual } from 'node:crypto';
import type { SiteSettings, VisitorIdentity } from '@hearth/protocol';

/** What the host's server computes: hex HMAC-SHA256 of the user id, keyed with the site secret. */
export function identityHash(secret: string, id: string): string {
  return createHmac('sha256', secret).update(id, 'utf8').digest('hex');
}

/**
 * Constant-time comparison (Chatwoot once compared these with `==`). Lengths are compared first:
 * that reveals only that a hex SHA-256 is 64 characters long.
 */
export function identityHashMatches(secret: string, id: string, hash: string): boolean {
  const expected = Buffer.from(identityHash(secret, id), 'utf8');
  const given = Buffer.from(hash.toLowerCase(), 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export type IdentityDecision =
  | { kind: 'anonymous' }
  | { kind: 'identified'; externalId: string; name: string | null; email: string | null }
  | { kind: 'refused'; code: 'identity_required' | 'identity_invalid'; message: string };

/** Decides who the widget session is for; a wrong hash is refused, never downgraded to anonymous. */
export function decideIdentity(secret: string, settings: Pick<SiteSettings, 'requireIdentity'>, identity: VisitorIdentity | undefined): IdentityDecision {
  if (!identity) {
    return settings.requireIdentity
      ? { kind: 'refused', code: 'identity_required', message: 'This site only chats with signed-in users.' }
      : { kind: 'anonymous' };
  }
  if (!identity.hash || !identityHashMatches(secret, identity.id, identity.hash)) {
    return { kind: 'refused', code: 'identity_invalid', message: 'The identity hash does not match.' };
  }
  return { kind: 'identified', externalId: identity.id, name: identity.name ?? null, email: identity.email ?? null };
}

/**
 * Allowed origins: the embedding page's origin (what the frame verified, or the Origin header of a
 * cross-origin call) must be listed. An empty list allows any page.
 */
export function embeddingAllowed(allowed: readonly string[], declaredHost: string | undefined, originHeader: string | undefined, ownHost: string | undefined): boolean {
  if (allowed.length === 0) return true;
  const normalized = new Set(allowed.map(normalizeOrigin).filter((o): o is string => o !== null));
  const foreignHeader = originHeader && normalizeOrigin(originHeader) !== null && new URL(originHeader).host !== ownHost ? originHeader : undefined;
  const candidates = [declaredHost, foreignHeader].filter((c): c is string => c !== undefined);
  if (candidates.length === 0) return false;
  return candidates.every((c) => {
    const o = normalizeOrigin(c);
    return o !== null && normalized.has(o);
  });
}

function normalizeOrigin(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}
