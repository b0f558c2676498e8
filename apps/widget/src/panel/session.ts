import type { HostIdentity, WidgetSessionRequest, WidgetSessionResponse } from '@hearth/protocol';
import type { KeyValueStorage } from '@hearth/chat-client';

/** A session request the server refused for good (unknown site, bad request): retrying will not help. */
export class SessionRefused extends Error {}

/**
 * POST /api/widget/session: trades the site key and our stored token for a valid token. The server
 * may hand back a fresh token (and visitor) when the stored one is invalid, so we always store its answer.
 */
export async function fetchSession(
  siteKey: string,
  storage: KeyValueStorage | null,
  host: string,
  identity: HostIdentity | null,
): Promise<WidgetSessionResponse> {
  const key = `hearth:token:${siteKey}`;
  // `|| null`: an empty token is what `Hearth('reset')` leaves behind: a fresh anonymous visitor.
  // `host` is the embedding origin the frame verified; the server checks it against the site's list.
  // Only a signed identity opens a session for the host's user; unsigned details go by `visitor:update`.
  const verified = identity?.id && identity.hash ? { id: identity.id, hash: identity.hash, email: identity.email, name: identity.name } : null;
  const body: WidgetSessionRequest = { siteKey, token: storage?.getItem(key) || null, host, ...(verified ? { identity: verified } : {}) };
  const res = await fetch('/api/widget/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) {
    // 4xx other than rate limiting will fail the same way next time; 5xx and 429 are worth retrying.
    const final = res.status >= 400 && res.status < 500 && res.status !== 429;
    throw final ? new SessionRefused(`session refused (${res.status})`) : new Error(`session failed (${res.status})`);
  }
  const session = (await res.json()) as WidgetSessionResponse;
  storage?.setItem(key, session.token);
  return session;
}

/** Retry delay: 1 s, 2 s, 4 s … capped at 30 s. */
export const backoffMs = (attempt: number): number => Math.min(30_000, 1000 * 2 ** Math.max(0, attempt));
