import type { TriggerContext } from './triggers.ts';
import type { Theme, VisitorAttributes, WidgetLocale } from './appearance.ts';

/**
 * Messages between the loader on the host page and the widget frame (served from Hearth's origin).
 * Both sides check `event.origin` and `event.source`, and post to an explicit target origin — never '*'.
 *
 * This module is zod-free on purpose: the loader and the panel ship in the visitor's browser under a
 * byte budget, so they validate these shapes with small hand-written guards
 * (apps/widget/src/embed-messages.ts) that are type-checked to cover every member of both unions.
 *
 * @example
 * // loader, after the frame said it is ready:
 * iframe.contentWindow.postMessage({ type: 'hearth:open', focus: true } satisfies HostToFrame, hearthOrigin);
 */
export interface HostPage {
  url: string;
  title: string;
  referrer: string | null;
}

/**
 * What the frame may keep in the host page's storage. Browsers that block third-party storage (Chrome
 * with third-party cookies blocked, e.g. Incognito) deny the frame its own localStorage; without a
 * fallback every page load would make the visitor a stranger. The loader, first-party on the host
 * page, keeps these few values for it under `hearth:<key>:<siteKey>` — nothing else.
 */
export type StoredKey = 'token' | 'outbox';

/**
 * `Hearth('identify', { id, email, name, hash })` on the host page: the host's signed-in user, with
 * `hash` = HMAC-SHA256(id, site secret) computed by the host's server (never in the browser).
 */
export interface HostIdentity {
  /** Without `hash` (sites that do not require identity), name/email/attributes are kept as unverified. */
  id?: string;
  hash?: string;
  email?: string;
  name?: string;
  attributes?: VisitorAttributes;
}

/** What the frame reports to the loader, which re-emits it to `Hearth('on', name, fn)` listeners. */
export type WidgetEventName = 'message:received' | 'message:sent' | 'conversation:started' | 'conversation:closed';
/** Plain data only (it crosses postMessage and reaches the host page's code). */
export interface WidgetEventData {
  conversationId: string;
  /** message events: the message text and author kind. */
  body?: string;
  author?: 'agent' | 'visitor' | 'system';
  authorName?: string | null;
}

export type HostToFrame =
  /**
   * The panel is now visible. `focus` is true when the visitor opened it (move focus to the composer),
   * false when it opened itself for an agent's message (never steal focus from the host page).
   */
  | { type: 'hearth:open'; focus: boolean }
  /** The panel is hidden (the frame stays alive so its socket keeps receiving). */
  | { type: 'hearth:closed' }
  /** The host page the visitor is on: sent when the frame is ready and on every SPA navigation. */
  | { type: 'hearth:page'; page: HostPage }
  /** Answer to `hearth:ready`: the values the loader keeps for the frame (see StoredKey). */
  | { type: 'hearth:stored'; values: Partial<Record<StoredKey, string>> }
  /** The visitor engaged with a proactive prompt: their next message starts the conversation with this context. */
  | { type: 'hearth:trigger'; context: TriggerContext }
  /**
   * The host's user (or null). Sent before `hearth:stored` on ready, so the first session already
   * carries it; sent again when the host calls identify later, and the frame then starts over.
   */
  | { type: 'hearth:identify'; identity: HostIdentity | null }
  /** `Hearth('set', attrs)`: merged into the visitor's attributes (null removes a key). */
  | { type: 'hearth:attributes'; attributes: VisitorAttributes }
  /** `Hearth('setLocale', 'de')` (null: back to the site's or browser's choice). */
  | { type: 'hearth:locale'; locale: WidgetLocale | null }
  /** `Hearth('setTheme', 'dark')` (null: back to the site's setting). */
  | { type: 'hearth:theme'; theme: Theme | null }
  /** `Hearth('track', name, props)`: the frame forwards it as `visitor:track` (console sidebar's events). */
  | { type: 'hearth:track'; event: { id: string; name: string; props?: VisitorAttributes; at: number } }
  /** `Hearth('reset')`: the host's user logged out; forget the visitor's token, outbox and history on this device. */
  | { type: 'hearth:reset' };

export type FrameToHost =
  /** The panel is mounted and listening; the loader answers with the current page and visibility. */
  | { type: 'hearth:ready' }
  /** The visitor closed the panel from inside the frame (close button or Escape). */
  | { type: 'hearth:close' }
  | { type: 'hearth:unread'; count: number }
  /** Remembered by the loader so it preloads the frame (and its socket) on the next page. */
  | { type: 'hearth:conversation'; active: boolean }
  /** Only sent when the frame has no storage of its own: keep (or, with null, forget) a value for it. */
  | { type: 'hearth:store'; key: StoredKey; value: string | null }
  /** For the host page's `Hearth('on', ...)` listeners. */
  | { type: 'hearth:event'; name: WidgetEventName; data: WidgetEventData };

export const EMBED_MESSAGE_PREFIX = 'hearth:';
