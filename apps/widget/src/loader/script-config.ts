import type { StoredKey } from '@hearth/protocol';

/** What the embed snippet tells the loader: which site, and where Hearth lives. */
export interface LoaderConfig {
  siteKey: string;
  /** Origin of the Hearth server: the frame's origin, and the only origin we accept messages from. */
  origin: string;
}

const SITE_KEY = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Reads the snippet's `src` and `data-site`. The Hearth origin comes from the script's own URL, so a
 * self-hosted server needs no extra configuration on the host page.
 *
 * @example readScriptConfig('https://chat.example.com/widget.js', 'acme') // { siteKey: 'acme', origin: 'https://chat.example.com' }
 */
export function readScriptConfig(src: string | null | undefined, siteKey: string | null | undefined): LoaderConfig | null {
  if (!src || !siteKey || !SITE_KEY.test(siteKey)) return null;
  try {
    const url = new URL(src);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    return { siteKey, origin: url.origin };
  } catch {
    return null;
  }
}

/** The frame learns its site and the host's origin (its only postMessage peer) from the hash, which is never sent to the server. */
export function frameUrl(config: LoaderConfig, hostOrigin: string): string {
  return `${config.origin}/widget/frame.html#site=${encodeURIComponent(config.siteKey)}&host=${encodeURIComponent(hostOrigin)}`;
}

/** Host-page localStorage key: set while the visitor has an open conversation, so the next page preloads the frame. */
export const activeFlagKey = (siteKey: string): string => `hearth:active:${siteKey}`;

/**
 * Host-page storage keys, `hearth:<name>:<site key>`: values kept on behalf of a frame that has no
 * storage of its own (StoredKey); `active` (activeFlagKey); `tracks` (tracksKey); `open`
 * (sessionStorage, set while the panel is open, so the visit's next page opens it again); `who`
 * (who this device's visitor was identified as: `identify`'s id, else email or name).
 */
export const storedKey = (key: StoredKey | 'active' | 'tracks' | 'open' | 'who', siteKey: string): string => `hearth:${key}:${siteKey}`;

/** Host-page sessionStorage key: this visit's last TRACK_REPLAY tracked events, replayed to the frame when it loads. */
export const tracksKey = (siteKey: string): string => `hearth:tracks:${siteKey}`;
export const TRACK_REPLAY = 20;
