import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { isPublicAddress, urlProblem } from './webhook-rules.ts';

/** Why an owner may not add this URL (a message for them), or null. */
export type AddressCheck = (url: string) => Promise<string | null>;

/**
 * The check when an owner saves a URL: http(s), and every address its host resolves to is public
 * (unless private ones are allowed). The sender checks again at each connection (webhook-http.ts),
 * so a name that later resolves elsewhere is still refused.
 */
export function addressCheck(allowPrivate: boolean): AddressCheck {
  return async (raw) => {
    const problem = urlProblem(raw);
    if (problem) return problem;
    if (allowPrivate) return null;
    const host = new URL(raw).hostname.replace(/^\[|\]$/g, '');
    let addresses: string[];
    try {
      addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
    } catch {
      return `${host} does not resolve.`;
    }
    if (addresses.length === 0 || addresses.some((a) => !isPublicAddress(a))) {
      return `${host} points to a private or local address; webhooks go to public addresses only (WEBHOOKS_ALLOW_PRIVATE=true allows others).`;
    }
    return null;
  };
}
