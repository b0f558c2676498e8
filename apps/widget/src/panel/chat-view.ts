import type { Appearance, Prechat, Theme } from '@hearth/protocol';
import type { PendingItem, Timeline } from './chat-state.ts';
import type { ContactFields, ContactValues } from './contact-form-rules.ts';

/** Everything the panel UI renders; replaced (never mutated) on each change. */
export interface ChatView {
  phase: 'loading' | 'ready' | 'unavailable';
  connected: boolean;
  siteName: string;
  agentsOnline: boolean;
  /** Topics the visitor may pick before starting (empty: no picker). */
  departments: Array<{ id: string; name: string }>;
  /** The picked topic's id, sent with the message that starts a conversation. */
  topic: string;
  timeline: Timeline;
  pending: PendingItem[];
  /** Name shown as "<name> is typing…" ('' when the agent has none); null when nobody is. */
  typing: string | null;
  visible: boolean;
  /** Bumped when the composer should take focus (the visitor opened the panel). */
  focusRequest: number;
  /** The visitor skipped the CSAT question of the current conversation. */
  csatSkipped: boolean;
  /** The site's look and greeting (null until the session answered: defaults apply). */
  appearance: Appearance | null;
  prechat: Prechat | null;
  /** The visitor answered the pre-chat form in this frame. */
  prechatDone: boolean;
  /** `Hearth('setLocale' | 'setTheme')` from the host page; null: the site's or browser's choice. */
  hostLocale: string | null;
  hostTheme: Theme | null;
  /** The visitor muted the new-message chime (remembered in storage). */
  muted: boolean;
  /** The newest live agent message, for the screen-reader announcement; `key` changes per message. */
  announcement: { key: string; name: string | null; body: string } | null;
}

export interface RateRequest {
  score: number;
  ces: number | null;
  comment: string | null;
}

/** Why a rating was not stored: one of the panel's own messages, or the server's text. */
export type RateFailure = { key: 'errorOffline' | 'errorNoAnswer' } | { text: string };

export interface ChatController {
  view(): ChatView;
  subscribe(listener: (view: ChatView) => void): () => void;
  send(body: string): void;
  /** The pre-chat or offline form: profile first (`visitor:update`), then the topic and message. */
  submitContact(fields: ContactFields, values: ContactValues, body: string): void;
  draftChanged(draft: string): void;
  setTopic(id: string): void;
  setMuted(muted: boolean): void;
  close(): void;
  /** Ends the open conversation (the visitor's "End chat"). */
  endChat(): void;
  /** Resolves with why it failed, or null once stored. */
  rate(request: RateRequest): Promise<RateFailure | null>;
  skipCsat(): void;
  /** Downloads the current conversation's transcript as a text file, titled and dated in the visitor's locale. */
  downloadTranscript(title: string, locale: string): void;
}
