import { z } from 'zod';
import type { AckCallback } from './ack.ts';
import { ConversationIdSchema, SiteIdSchema, type ConversationId, type VisitorId } from './ids.ts';
import { AgentSendMessageSchema, SeqSchema, type Message } from './message.ts';
import type { ConversationSummary, PageView, VisitorProfile } from './conversation.ts';
import type { TriggerStart } from './triggers.ts';

/** Namespace the console connects to; auth is the httpOnly session cookie. */
export const AGENT_NAMESPACE = '/agent';

const conversationRef = z.strictObject({ conversationId: ConversationIdSchema });

export const agentCommandSchemas = {
  'inbox:list': z.strictObject({ siteId: SiteIdSchema.optional() }),
  'conversation:open': conversationRef,
  'conversation:sync': z.strictObject({ conversationId: ConversationIdSchema, afterSeq: SeqSchema }),
  'message:send': AgentSendMessageSchema,
  'typing:set': z.strictObject({ conversationId: ConversationIdSchema, isTyping: z.boolean() }),
  'messages:read': z.strictObject({ conversationId: ConversationIdSchema, upToSeq: SeqSchema }),
  'conversation:claim': conversationRef,
  'conversation:close': conversationRef,
} as const;

export type AgentCommand = keyof typeof agentCommandSchemas;
type Input<E extends AgentCommand> = z.infer<(typeof agentCommandSchemas)[E]>;

export interface ConversationDetail {
  conversation: ConversationSummary;
  messages: Message[];
  visitor: VisitorProfile;
  /** Newest first, at most 50. */
  pages: PageView[];
  /** The proactive prompt the visitor replied to, with its evidence and their event timeline. */
  startedBy: TriggerStart | null;
}

export interface AgentClientToServerEvents {
  'inbox:list': (req: Input<'inbox:list'>, ack: AckCallback<{ conversations: ConversationSummary[] }>) => void;
  'conversation:open': (req: Input<'conversation:open'>, ack: AckCallback<ConversationDetail>) => void;
  'conversation:sync': (req: Input<'conversation:sync'>, ack: AckCallback<{ messages: Message[] }>) => void;
  'message:send': (req: Input<'message:send'>, ack: AckCallback<{ message: Message }>) => void;
  'typing:set': (req: Input<'typing:set'>, ack: AckCallback<null>) => void;
  'messages:read': (req: Input<'messages:read'>, ack: AckCallback<null>) => void;
  'conversation:claim': (req: Input<'conversation:claim'>, ack: AckCallback<{ conversation: ConversationSummary }>) => void;
  'conversation:close': (req: Input<'conversation:close'>, ack: AckCallback<{ conversation: ConversationSummary }>) => void;
}

export interface AgentServerToClientEvents {
  'conversation:created': (conversation: ConversationSummary) => void;
  'conversation:updated': (conversation: ConversationSummary) => void;
  'message:created': (message: Message) => void;
  'typing:changed': (e: { conversationId: ConversationId; isTyping: boolean; name: string | null }) => void;
  'read:updated': (e: { conversationId: ConversationId; upToSeq: number }) => void;
  'visitor:page-viewed': (e: { visitorId: VisitorId; conversationId: ConversationId | null; page: PageView }) => void;
}
