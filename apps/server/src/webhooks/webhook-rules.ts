import { createHmac, timingSafeEqual } from 'node:crypto';
import { BlockList, isIP } from 'node:net';

/**
 * Pure decisions of webhook delivery: signatures, retry times, and which addresses a webhook may
 * reach.
 */

/** Deliveries are retried for this long after the event, then the event is failed. */
export const GIVE_UP_AFTER_MS = 24 * 60 * 60 * 1000;
/** The longest wait between two attempts. */
const MAX_DELAY_MS = 60 * 60 * 1000;

/**
 * `Hearth-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">` keyed with the
 * endpoint's secret (Stripe's scheme: the timestamp is signed, so a replay can be refused by age).
 *
 * @example signatureHeader('whsec_x', '{"id":"evt_1"}', 1764500000) // 't=1764500000,v1=5f0c…'
 */
export function signatureHeader(secret: string, body: string, unixSeconds: number): string {
  return `t=${unixSeconds},v1=${createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex')}`;
}

/**
 * What a receiver does (the README shows it): recompute, compare in constant time, refuse a
 * timestamp older than `toleranceSeconds` (a replayed request).
 */
export function verifySignature(secret: string, body: string, header: string, nowSeconds: number, toleranceSeconds = 300): boolean {
  const parts = Object.fromEntries(header.split(',').map((kv) => kv.split('=', 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > toleranceSeconds || typeof parts.v1 !== 'string') return false;
  const expected = Buffer.from(signatureHeader(secret, body, t).split('v1=')[1]!, 'hex');
  const given = Buffer.from(parts.v1, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * When to try again after `attempts` failed attempts: exponential from `firstDelayMs`, capped at an
 * hour, with ±10 % jitter (so a receiver that comes back is not hit by every sender at once); null
 * once the event is older than 24 h.
 *
 * @example nextAttemptAt({ attempts: 3, createdAt: 0, now: 1000, firstDelayMs: 10_000, jitter: 0.5 }) // 41_000
 */
export function nextAttemptAt(input: { attempts: number; createdAt: number; now: number; firstDelayMs: number; jitter?: number }): number | null {
  const base = Math.min(input.firstDelayMs * 2 ** Math.max(0, input.attempts - 1), MAX_DELAY_MS);
  const jitter = input.jitter ?? Math.random();
  const at = input.now + Math.round(base * (0.9 + 0.2 * jitter));
  return at - input.createdAt > GIVE_UP_AFTER_MS ? null : at;
}

/** A 2xx is delivered; anything else (and no answer) is retried. */
export const delivered = (statusCode: number | null): boolean => statusCode !== null && statusCode >= 200 && statusCode < 300;

/**
 * Addresses a webhook must not reach unless WEBHOOKS_ALLOW_PRIVATE: loopback, private, link-local
 * (cloud metadata at 169.254.169.254), carrier-grade NAT, multicast, reserved, and their IPv6 twins
 * (IPv4-mapped addresses are checked as IPv4).
 */
const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  blocked.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  blocked.addSubnet(net, prefix, 'ipv6');
}

/** True when `address` (an IP literal) is a public unicast address. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return !blocked.check(mapped[1]!, 'ipv4');
    return !blocked.check(address, 'ipv6');
  }
  return !blocked.check(address, 'ipv4');
}

/** Why a webhook URL is refused before any lookup (scheme, credentials), or null. */
export function urlProblem(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'This is not a URL.';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'Webhook URLs start with http:// or https://.';
  if (url.username || url.password) return 'Put credentials in the receiver, not in the URL.';
  return null;
}
