import type { ResyncHint } from './cluster.ts';
import { z } from 'zod';
import { optionalText } from './text-fields.ts';
import type { AckCallback } from './ack.ts';
import { AgentIdSchema, ConversationIdSchema, SiteIdSchema, type AgentId, type ConversationId, type SiteId, type VisitorId } from './ids.ts';
import { AgentSendMessageSchema, SeqSchema, type Message } from './message.ts';
import type { ConversationSummary, PageView, VisitorProfile } from './conversation.ts';
import type { CsatRating } from './csat.ts';
import type { TriggerStart } from './triggers.ts';
import { AddNoteSchema, ConversationLabelSchema, type ConversationNote, type VisitorDetails, type VisitorTrackedFact } from './desk.ts';

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
  /** The assigned agent takes the conversation: stops the accept timeout. */
  'conversation:accept': conversationRef,
  'conversation:transfer': z
    .strictObject({
      conversationId: ConversationIdSchema,
      toAgentId: AgentIdSchema.optional(),
      toDepartmentId: z.string().min(1).max(64).optional(),
      /** Internal: kept in the event log for colleagues, never shown to the visitor. */
      note: optionalText(1000, 'a note'),
    })
    .refine((t) => (t.toAgentId === undefined) !== (t.toDepartmentId === undefined), 'give exactly one of toAgentId or toDepartmentId'),
  'agent:set-status': z.strictObject({ status: z.enum(['online', 'away']) }),
  'agents:list': z.strictObject({ siteId: SiteIdSchema.optional() }),
  /** An internal note on a conversation: agents only, never the visitor (issue 6). */
  'note:add': AddNoteSchema,
  'label:add': ConversationLabelSchema,
  'label:remove': ConversationLabelSchema,
} as const;

export type AgentCommand = keyof typeof agentCommandSchemas;
type Input<E extends AgentCommand> = z.infer<(typeof agentCommandSchemas)[E]>;

export interface ConversationDetail {
  conversation: ConversationSummary;
  /** The first page from seq 1 (paging.ts); with `hasMoreMessages`, `conversation:sync` after the last. */
  messages: Message[];
  hasMoreMessages: boolean;
  visitor: VisitorProfile;
  /** This session's views (see sessionPages), newest first, at most 50. */
  pages: PageView[];
  /** The visitor's CSAT rating of this conversation, if any. */
  rating: CsatRating | null;
  /** The proactive prompt the visitor replied to, with its evidence and their event timeline. */
  startedBy: TriggerStart | null;
  /** Internal notes, oldest first: shown inline in the agents' timeline only. */
  notes: ConversationNote[];
  /** Attributes, locale, tracked events and other conversations of the visitor (the sidebar). */
  visitorDetails: VisitorDetails;
}

export type AgentStatus = 'online' | 'away' | 'offline';

/** One agent as the agents view shows them, per site. */
export interface AgentPresence {
  agentId: AgentId;
  siteId: SiteId;
  name: string;
  status: AgentStatus;
  /** Why the system changed the status, e.g. after missed chats. */
  statusReason: string | null;
  openChats: number;
  maxChats: number;
}

/**
 * A colleague's conversation moved on: enough to refresh an inbox row (preview, order, unread),
 * batched per site. The full message goes only to the assignee and to agents who have it open.
 */
export type InboxActivity = Pick<Message, 'conversationId' | 'seq' | 'body' | 'authorType' | 'createdAt'>;

export interface AgentClientToServerEvents {
  'inbox:list': (req: Input<'inbox:list'>, ack: AckCallback<{ conversations: ConversationSummary[] }>) => void;
  'conversation:open': (req: Input<'conversation:open'>, ack: AckCallback<ConversationDetail>) => void;
  /** At most one page (paging.ts); with `hasMore`, ask again after the last seq received. */
  'conversation:sync': (req: Input<'conversation:sync'>, ack: AckCallback<{ messages: Message[]; hasMore: boolean }>) => void;
  'message:send': (req: Input<'message:send'>, ack: AckCallback<{ message: Message }>) => void;
  'typing:set': (req: Input<'typing:set'>, ack: AckCallback<null>) => void;
  'messages:read': (req: Input<'messages:read'>, ack: AckCallback<null>) => void;
  'conversation:claim': (req: Input<'conversation:claim'>, ack: AckCallback<{ conversation: ConversationSummary }>) => void;
  'conversation:close': (req: Input<'conversation:close'>, ack: AckCallback<{ conversation: ConversationSummary }>) => void;
  'conversation:accept': (req: Input<'conversation:accept'>, ack: AckCallback<{ conversation: ConversationSummary }>) => void;
  'conversation:transfer': (req: Input<'conversation:transfer'>, ack: AckCallback<{ conversation: ConversationSummary }>) => void;
  'agent:set-status': (req: Input<'agent:set-status'>, ack: AckCallback<{ status: AgentStatus }>) => void;
  'agents:list': (req: Input<'agents:list'>, ack: AckCallback<{ agents: AgentPresence[] }>) => void;
  'note:add': (req: Input<'note:add'>, ack: AckCallback<{ note: ConversationNote }>) => void;
  'label:add': (req: Input<'label:add'>, ack: AckCallback<{ conversation: ConversationSummary }>) => void;
  'label:remove': (req: Input<'label:remove'>, ack: AckCallback<{ conversation: ConversationSummary }>) => void;
}

export interface AgentServerToClientEvents {
  /** Sync now: live events may have been missed (cluster.ts). */
  resync: (hint: ResyncHint) => void;
  'conversation:created': (conversation: ConversationSummary) => void;
  'conversation:updated': (conversation: ConversationSummary) => void;
  'message:created': (message: Message) => void;
  /** Inbox previews of conversations assigned to others, at most one batch per site per second. */
  'inbox:activity': (items: InboxActivity[]) => void;
  'typing:changed': (e: { conversationId: ConversationId; isTyping: boolean; name: string | null }) => void;
  'read:updated': (e: { conversationId: ConversationId; upToSeq: number }) => void;
  'visitor:page-viewed': (e: { visitorId: VisitorId; conversationId: ConversationId | null; page: PageView }) => void;
  /** An agent's routing status changed (by them or by the system, with the reason). */
  'agent:status-changed': (e: { agentId: AgentId; status: AgentStatus; reason: string | null }) => void;
  /** The visitor rated (or changed their rating of) a closed conversation. */
  'conversation:rated': (e: { conversationId: ConversationId; rating: CsatRating }) => void;
  /** A colleague wrote an internal note (to the site's agents only). */
  'note:created': (note: ConversationNote) => void;
  /** The visitor's page sent a tracked event (to agents who have their open conversation open). */
  'visitor:tracked': (e: VisitorTrackedFact) => void;
  /**
   * Canned replies of the site changed (created, edited or deleted): consoles refetch their list.
   * Site-wide changes go to the site's agents; personal ones only to their author's own sockets.
   */
  'canned:changed': (e: { siteId: SiteId }) => void;
}
