import type { PendingItem, Timeline } from './chat-state.ts';

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
  /** Name shown as "<name> is typing…"; null when nobody is. */
  typing: string | null;
  visible: boolean;
  /** Bumped when the composer should take focus (the visitor opened the panel). */
  focusRequest: number;
  /** The visitor skipped the CSAT question of the current conversation. */
  csatSkipped: boolean;
}

export interface RateRequest {
  score: number;
  ces: number | null;
  comment: string | null;
}

export interface ChatController {
  view(): ChatView;
  subscribe(listener: (view: ChatView) => void): () => void;
  send(body: string): void;
  draftChanged(draft: string): void;
  setTopic(id: string): void;
  close(): void;
  /** Ends the open conversation (the visitor's "End chat"). */
  endChat(): void;
  /** Resolves with an error message to show, or null once stored. */
  rate(request: RateRequest): Promise<string | null>;
  skipCsat(): void;
  /** Downloads the current conversation's transcript as a text file. */
  downloadTranscript(): void;
}
