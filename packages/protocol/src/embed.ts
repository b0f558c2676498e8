/**
 * Messages between the loader on the host page and the widget frame (served from Hearth's origin).
 * Both sides check `event.origin` and post to an explicit target origin — never '*'.
 */
export interface HostPage {
  url: string;
  title: string;
  referrer: string | null;
}

export type HostToFrame =
  | { type: 'hearth:open' }
  | { type: 'hearth:closed' }
  | { type: 'hearth:page'; page: HostPage };

export type FrameToHost =
  | { type: 'hearth:ready' }
  /** The visitor closed the panel from inside the frame. */
  | { type: 'hearth:close' }
  /** An agent message arrived while the panel was closed: show it. */
  | { type: 'hearth:open-request' }
  | { type: 'hearth:unread'; count: number }
  /** Remembered by the loader so it preloads the frame (and its socket) on the next page. */
  | { type: 'hearth:conversation'; active: boolean };

export const EMBED_MESSAGE_PREFIX = 'hearth:';
