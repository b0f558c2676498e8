import type { ResyncHint } from './cluster.ts';
import { z } from 'zod';
import { requiredText } from './text-fields.ts';
import type { AckCallback } from './ack.ts';
import { ConversationIdSchema, type ConversationId } from './ids.ts';
import { SendMessageSchema, SeqSchema, type Message } from './message.ts';
import type { TranscriptEntry } from './transcript.ts';
import { PageViewInputSchema, type QueuePosition, type VisitorConversation } from './conversation.ts';
import { RateConversationSchema } from './csat.ts';
import { VisitorProfileUpdateSchema } from './http.ts';
import { VisitorAttributesSchema } from './appearance.ts';

/** Namespace the widget connects to; auth: `{ token }` from POST /api/widget/session. */
export const VISITOR_NAMESPACE = '/visitor';

/** Command payload schemas, keyed by event name: the server parses with these before anything else. */
export const visitorCommandSchemas = {
  /** On every (re)connect: "what happened after the last seq I have?" */
  'conversation:sync': z.strictObject({
    conversationId: ConversationIdSchema.nullable(),
    afterSeq: SeqSchema,
  }),
  'message:send': SendMessageSchema,
  'typing:set': z.strictObject({ isTyping: z.boolean() }),
  'messages:read': z.strictObject({ conversationId: ConversationIdSchema, upToSeq: SeqSchema }),
  'page:view': PageViewInputSchema,
  /** The visitor ends their open conversation from the widget. */
  'conversation:end': z.strictObject({ conversationId: ConversationIdSchema }),
  /** Rate (or re-rate, within the window) a closed conversation of this visitor. */
  'csat:rate': RateConversationSchema,
  /** Everything said and done in one of the visitor's conversations, for a download. */
  'transcript:get': z.strictObject({
    conversationId: ConversationIdSchema,
    /** Lines already received (0 for the first page); the answer's `next` is the next call's `after`. */
    after: z.number().int().nonnegative().max(1_000_000).optional(),
  }),
  /** `Hearth('identify' | 'set', ...)` without a verified hash: unverified name/email, attributes merged (null removes). */
  'visitor:update': VisitorProfileUpdateSchema,
  /**
   * `Hearth('track', name, props)` on the host page, forwarded by the frame while it is loaded (the
   * loader replays the visit's recent events on ready; `id` makes the replay idempotent).
   */
  'visitor:track': z.strictObject({
    id: z.string().min(8).max(64),
    name: requiredText(64, 'an event name'),
    props: VisitorAttributesSchema.optional(),
    at: z.number().int().nonnegative(),
  }),
} as const;

export type VisitorCommand = keyof typeof visitorCommandSchemas;
type Input<E extends VisitorCommand> = z.infer<(typeof visitorCommandSchemas)[E]>;

export interface VisitorSyncResult {
  /** The visitor's latest conversation, or null before their first message. */
  conversation: VisitorConversation | null;
  /**
   * If `conversation.id` differs from the one asked about, this is its history from the start;
   * at most one page (paging.ts): with `hasMore`, ask again after the last seq received.
   */
  messages: Message[];
  hasMore: boolean;
}

export interface VisitorClientToServerEvents {
  'conversation:sync': (req: Input<'conversation:sync'>, ack: AckCallback<VisitorSyncResult>) => void;
  'message:send': (req: Input<'message:send'>, ack: AckCallback<{ message: Message; conversation: VisitorConversation }>) => void;
  'typing:set': (req: Input<'typing:set'>, ack: AckCallback<null>) => void;
  'messages:read': (req: Input<'messages:read'>, ack: AckCallback<null>) => void;
  'page:view': (req: Input<'page:view'>, ack: AckCallback<null>) => void;
  'conversation:end': (req: Input<'conversation:end'>, ack: AckCallback<{ conversation: VisitorConversation }>) => void;
  'csat:rate': (req: Input<'csat:rate'>, ack: AckCallback<{ conversation: VisitorConversation }>) => void;
  'transcript:get': (req: Input<'transcript:get'>, ack: AckCallback<{ entries: TranscriptEntry[]; next: number | null }>) => void;
  'visitor:update': (req: Input<'visitor:update'>, ack: AckCallback<null>) => void;
  'visitor:track': (req: Input<'visitor:track'>, ack: AckCallback<null>) => void;
}

export interface VisitorServerToClientEvents {
  /** Sync now: live events may have been missed (cluster.ts). */
  resync: (hint: ResyncHint) => void;
  'message:created': (message: Message) => void;
  'conversation:updated': (conversation: VisitorConversation) => void;
  'typing:changed': (e: { conversationId: ConversationId; isTyping: boolean; name: string | null }) => void;
  'read:updated': (e: { conversationId: ConversationId; upToSeq: number }) => void;
  'availability:changed': (e: { agentsOnline: boolean }) => void;
  /** The visitor's place in line changed (live while waiting). */
  'queue:updated': (e: { conversationId: ConversationId } & QueuePosition) => void;
}
