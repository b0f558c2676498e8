import { z } from 'zod';
import { requiredBody } from './text-fields.ts';
import { TriggerContextSchema } from './triggers.ts';
import type { Attachment } from './files.ts';
import { ClientMessageIdSchema, ConversationIdSchema, type ConversationId, type MessageId } from './ids.ts';

/** Longest message body we accept, in UTF-16 code units. */
export const MESSAGE_BODY_MAX = 5000;

/** Kept as written; a body with no visible character (spaces, zero-width spaces, U+2800 …) is empty, refused. */
export const MessageBodySchema = requiredBody(MESSAGE_BODY_MAX, 'a message');

export const AuthorTypeSchema = z.enum(['visitor', 'agent', 'system']);
export type AuthorType = z.infer<typeof AuthorTypeSchema>;

/**
 * A stored message. `seq` is assigned by the server inside the insert transaction:
 * per conversation it starts at 1 and has no gaps, so "give me everything after N" is exact.
 */
export interface Message {
  id: MessageId;
  conversationId: ConversationId;
  seq: number;
  clientId: string;
  authorType: AuthorType;
  /** Agent id or visitor id; null for system messages. */
  authorId: string | null;
  /** Display name of the author at send time (agent's name, visitor's if known). */
  authorName: string | null;
  body: string;
  /** Files the message carries (issue 15); absent when none. */
  attachments?: Attachment[];
  /** Epoch milliseconds, server clock. */
  createdAt: number;
}

export const SendMessageSchema = z.strictObject({
  clientId: ClientMessageIdSchema,
  body: MessageBodySchema,
  /** Topic picked by the visitor (or passed by the site): only used when this message starts a conversation. */
  departmentId: z.string().min(1).max(64).optional(),
  /**
   * The proactive prompt the visitor replied to; recorded when this message starts a conversation.
   * A malformed context is dropped, never the message: the visitor's words matter more.
   */
  trigger: TriggerContextSchema.optional().catch(undefined),
});
export const AgentSendMessageSchema = z.strictObject({
  conversationId: ConversationIdSchema,
  clientId: ClientMessageIdSchema,
  body: MessageBodySchema,
});

export const SeqSchema = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
