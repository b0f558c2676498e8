import { createHmac, timingSafeEqual } from 'node:crypto';
import type { SiteId, VisitorId } from '@hearth/protocol';

/**
 * A visitor token is `v1.<siteId>.<visitorId>.<hmac>`: the widget keeps it (localStorage in the
 * frame) and presents it on every socket handshake. The server signs it with an installation
 * secret kept in the database, so every node of a cluster accepts every token and nothing about
 * visitors lives in process memory.
 */
export interface VisitorClaims {
  siteId: SiteId;
  visitorId: VisitorId;
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;

export function signVisitorToken(secret: string, claims: VisitorClaims): string {
  const payload = `v1.${claims.siteId}.${claims.visitorId}`;
  return `${payload}.${mac(secret, payload)}`;
}

export function verifyVisitorToken(secret: string, token: unknown): VisitorClaims | null {
  if (typeof token !== 'string' || token.length > 512) return null;
  const parts = token.split('.');
  if (parts.length !== 4 || parts[0] !== 'v1') return null;
  const [, siteId, visitorId, signature] = parts as [string, string, string, string];
  if (!ID.test(siteId) || !ID.test(visitorId)) return null;
  const expected = Buffer.from(mac(secret, `v1.${siteId}.${visitorId}`));
  const given = Buffer.from(signature);
  // Constant-time: a timing oracle must not reveal how much of a forged signature is right.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { siteId: siteId as SiteId, visitorId: visitorId as VisitorId };
}

function mac(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}
