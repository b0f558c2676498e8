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

export type HostToFrame =
  /**
   * The panel is now visible. `focus` is true when the visitor opened it (move focus to the composer),
   * false when it opened itself for an agent's message (never steal focus from the host page).
   */
  | { type: 'hearth:open'; focus: boolean }
  /** The panel is hidden (the frame stays alive so its socket keeps receiving). */
  | { type: 'hearth:closed' }
  /** The host page the visitor is on: sent when the frame is ready and on every SPA navigation. */
  | { type: 'hearth:page'; page: HostPage };

export type FrameToHost =
  /** The panel is mounted and listening; the loader answers with the current page and visibility. */
  | { type: 'hearth:ready' }
  /** The visitor closed the panel from inside the frame (close button or Escape). */
  | { type: 'hearth:close' }
  /** An agent message arrived while the panel was closed: show it. */
  | { type: 'hearth:open-request' }
  | { type: 'hearth:unread'; count: number }
  /** Remembered by the loader so it preloads the frame (and its socket) on the next page. */
  | { type: 'hearth:conversation'; active: boolean };

export const EMBED_MESSAGE_PREFIX = 'hearth:';
