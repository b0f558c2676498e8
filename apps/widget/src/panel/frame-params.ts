/** What the loader tells the frame through its URL hash (never sent to the server). */
export interface FrameParams {
  siteKey: string;
  /** Origin of the host page: the only window we accept messages from and post to. */
  host: string;
}

const SITE_KEY = /^[A-Za-z0-9_-]{1,64}$/;

/** @example parseFrameHash('#site=acme&host=https%3A%2F%2Fshop.example') // { siteKey: 'acme', host: 'https://shop.example' } */
export function parseFrameHash(hash: string): FrameParams | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const siteKey = params.get('site');
  const host = params.get('host');
  if (!siteKey || !SITE_KEY.test(siteKey) || !host) return null;
  try {
    const url = new URL(host);
    // An exact, serialized http(s) origin: no path, no "null", no javascript: — it becomes a postMessage target.
    if ((url.protocol === 'https:' || url.protocol === 'http:') && url.origin === host) return { siteKey, host };
  } catch {
    // not a URL
  }
  return null;
}

/**
 * The hash is attacker-controlled (anyone can frame us with any `host`), so where the browser tells
 * us who actually embeds us (`location.ancestorOrigins`, Chromium and Safari), it must agree.
 */
export function isEmbeddedBy(host: string, ancestorOrigins: ArrayLike<string> | undefined, framed: boolean): boolean {
  if (!framed) return false;
  return ancestorOrigins === undefined || ancestorOrigins[0] === host;
}
