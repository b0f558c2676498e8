import { z } from 'zod';
import { ConversationStatusSchema } from './conversation.ts';
import { AgentIdSchema, SiteIdSchema, type ConversationId, type SiteId } from './ids.ts';

/**
 * One line of a transcript: a message, or an event (started, assigned, closed, reopened, rated…),
 * in the order they happened.
 *
 * @example { kind: 'message', at: 1, author: 'Ada (agent)', text: 'Hello!' }
 */
export interface TranscriptEntry {
  kind: 'message' | 'event';
  /** Epoch ms. */
  at: number;
  /** Who wrote or did it, e.g. "Visitor", "Ada (agent)", "System". */
  author: string;
  /** The message body, or a one-line description of the event. */
  text: string;
}

const dateMs = z.coerce.number().int().min(0).max(8.64e15);

/** GET /api/transcripts/search — every filter optional; `q` is a phrase, never FTS syntax. */
export const TranscriptSearchQuerySchema = z.strictObject({
  q: z.string().trim().max(200).optional(),
  siteId: SiteIdSchema.optional(),
  /** Conversations started at or after `from` and before `to` (epoch ms). */
  from: dateMs.optional(),
  to: dateMs.optional(),
  agentId: AgentIdSchema.optional(),
  rating: z.coerce.number().int().min(1).max(5).optional(),
  trigger: z.string().max(64).optional(),
  status: ConversationStatusSchema.optional(),
  labelId: z.string().min(1).max(64).optional(),
  /** `started` (default): newest conversations first; `closed`: most recently closed first. */
  sort: z.enum(['started', 'closed']).default('started'),
  /** Hits to skip, for the next page. */
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
  format: z.enum(['json', 'csv']).default('json'),
});
export type TranscriptSearchQuery = z.input<typeof TranscriptSearchQuerySchema>;

/**
 * Marks around the match in a stored search snippet (private-use characters, so a message's own
 * brackets are never mistaken for them). The JSON answer carries the snippet without them and the
 * match as `highlight`; the CSV shows the match in [ and ].
 */
export const SNIPPET_OPEN = '\uE000';
export const SNIPPET_CLOSE = '\uE001';

export interface TranscriptSearchHit {
  conversationId: ConversationId;
  siteId: SiteId;
  visitorName: string | null;
  status: 'open' | 'closed';
  agentName: string | null;
  rating: number | null;
  trigger: string | null;
  createdAt: number;
  closedAt: number | null;
  /** A few words around the match, or the last message (plain text). */
  snippet: string;
  /** Where the match is in `snippet`: [start, end) in UTF-16 units; null without one. */
  highlight: [number, number] | null;
}

/** At most this many hits per search. */
export const TRANSCRIPT_SEARCH_LIMIT = 200;
