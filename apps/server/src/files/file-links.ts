import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FileId } from '@hearth/protocol';

/** `f`: the file itself; `t`: its thumbnail. */
export type FileVariant = 'f' | 't';

/**
 * Expiring links to a file: `/files/<id>?v=<variant>&exp=<epoch ms>&sig=<HMAC-SHA256>`. The links
 * route hands them only to the conversation's visitor and its site's agents; whoever holds a link
 * may fetch until it expires (an `<img src>` cannot carry a session or a bearer token). The secret
 * is the installation's, kept in the database, so every node verifies every link.
 */
export function signFileLink(secret: string, id: FileId, variant: FileVariant, expiresAt: number): string {
  return `/files/${encodeURIComponent(id)}?v=${variant}&exp=${expiresAt}&sig=${mac(secret, id, variant, expiresAt)}`;
}

export type LinkCheck = { ok: true } | { ok: false; reason: 'invalid' | 'expired' };

/** Checks a link's signature first (constant time), then its expiry against `now`. */
export function verifyFileLink(secret: string, id: string, variant: string, exp: string, sig: string, now: number): LinkCheck {
  if ((variant !== 'f' && variant !== 't') || !/^\d{1,15}$/.test(exp)) return { ok: false, reason: 'invalid' };
  const expected = Buffer.from(mac(secret, id, variant, Number(exp)));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid' };
  return Number(exp) > now ? { ok: true } : { ok: false, reason: 'expired' };
}

function mac(secret: string, id: string, variant: string, expiresAt: number): string {
  return createHmac('sha256', secret).update(`file-link.v1.${id}.${variant}.${expiresAt}`).digest('base64url');
}
