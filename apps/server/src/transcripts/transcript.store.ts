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
  /** Conversations carrying this label. */
  labelId?: string | undefined;
  /** `started` (default): newest first; `closed`: most recently closed first (then newest). */
  sort?: 'started' | 'closed' | undefined;
  /** Hits to skip (paging); at most TRANSCRIPT_SEARCH_LIMIT are returned after it. */
  offset?: number | undefined;
}

/** A hit as the store gives it: the snippet marks its match with SNIPPET_OPEN … SNIPPET_CLOSE. */
export type StoredSearchHit = Omit<TranscriptSearchHit, 'highlight'>;

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
   * Conversations of `siteIds` (the caller's membership: another site's can never match) where
   * `filters.q` is found — as a phrase of words (the word index), or as a folded substring of a
   * message, the visitor's name or email (text without spaces, ß/ligature folding; search-fold.ts)
   * — narrowed by the other filters, in `sort` order, at most TRANSCRIPT_SEARCH_LIMIT after
   * `offset`. The snippet marks the match with SNIPPET_OPEN/SNIPPET_CLOSE (or is the last message
   * when no message matched). An empty `siteIds`, or a `q` with no letter or digit, finds nothing.
   * SQLite: FTS5 over messages plus `hearth_fold` LIKE; PostgreSQL: a tsvector with the same
   * normalisation plus `hearth_fold` LIKE on a pg_trgm index.
   */
  search(siteIds: readonly SiteId[], filters: SearchFilters): Promise<StoredSearchHit[]>;
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
