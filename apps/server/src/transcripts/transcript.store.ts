import type { ConversationId, SiteId, TranscriptSearchHit } from '@hearth/protocol';
import type { RawEvent } from './transcript-lines.ts';

/** Narrowing of a transcript search; every field optional. Times are epoch ms, `to` exclusive. */
export interface SearchFilters {
  /** Words to find, as one phrase in this order (normalised by each engine's tokenizer). */
  q?: string | undefined;
  from?: number | undefined;
  to?: number | undefined;
  agentId?: string | undefined;
  /** CSAT score 1..5. */
  rating?: number | undefined;
  /** A trigger's name, as recorded in the `conversation.started` event. */
  trigger?: string | undefined;
  status?: 'open' | 'closed' | undefined;
}

/** A message as a transcript line needs it. */
export interface TranscriptMessage {
  at: number;
  authorType: 'visitor' | 'agent' | 'system';
  authorName: string | null;
  body: string;
}

/** Transcripts: full-text search over messages and what one transcript is made of. Read-only. */
export interface TranscriptStore {
  /**
   * Conversations of `siteIds` (the caller's membership: another site's can never match) whose
   * messages contain `filters.q` as a phrase, narrowed by the other filters, newest first, at most
   * TRANSCRIPT_SEARCH_LIMIT. The snippet marks the match with [ and ] (or is the last message
   * when there is no `q`). An empty `siteIds`, or a `q` with no letter or digit, finds nothing.
   * SQLite: FTS5 over messages; PostgreSQL: a tsvector with the same normalisation.
   */
  search(siteIds: readonly SiteId[], filters: SearchFilters): Promise<TranscriptSearchHit[]>;
  /** The conversation's messages in seq order. */
  messagesOf(conversationId: ConversationId): Promise<TranscriptMessage[]>;
  /** The conversation's events in the order they were recorded, `data` parsed. */
  eventsOf(conversationId: ConversationId): Promise<RawEvent[]>;
}

declare module '../store/store.ts' {
  interface StoreTx {
    transcripts: TranscriptStore;
  }
}
