import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { schema, type HearthDb } from '@hearth/db';
import type { AgentId, ConversationId, Message, MessageId, SiteId, VisitorId } from '@hearth/protocol';
import { CommandError } from '../realtime/commands.ts';
import { messageColumns } from './conversation-queries.ts';

const { conversations, messages, visitors } = schema;

/** Inbox previews keep this many characters of the last message. */
const PREVIEW_LENGTH = 200;

export interface SentMessage {
  message: Message;
  /** True when this send opened a new conversation. */
  startedConversation: boolean;
  /** True when the clientId was seen before: nothing was written, the original is returned. */
  duplicate: boolean;
  /** True when an unassigned conversation was claimed by this (agent) reply. */
  claimed: boolean;
}

/**
 * Must run inside one transaction (GroupCommit.run): reads lastSeq, writes seq+1. The unique
 * index on (conversation_id, seq) turns a concurrent writer on another node into a failed
 * savepoint rather than a gap or a duplicate.
 */
function appendMessage(
  db: HearthDb,
  conversationId: ConversationId,
  siteId: SiteId,
  author: { type: 'visitor' | 'agent'; id: string; name: string | null },
  clientId: string,
  body: string,
  now: number,
): Message {
  const current = db
    .select({ lastSeq: conversations.lastSeq })
    .from(conversations)
    .where(eq(conversations.id, conversationId))
    .get();
  if (!current) throw new CommandError('not_found', 'Conversation not found.');
  const seq = current.lastSeq + 1;
  const id = randomUUID() as MessageId;
  const message: Message = {
    id,
    conversationId,
    seq,
    clientId,
    authorType: author.type,
    authorId: author.id,
    authorName: author.name,
    body,
    createdAt: now,
  };
  db.insert(messages).values({ ...message, id, conversationId, siteId }).run();
  db.update(conversations)
    .set({
      lastSeq: seq,
      lastMessageBody: body.slice(0, PREVIEW_LENGTH),
      lastMessageAuthorType: author.type,
      lastMessageAt: now,
      updatedAt: now,
      // Writing implies having read everything before it.
      ...(author.type === 'visitor' ? { visitorReadSeq: seq } : { agentReadSeq: seq }),
    })
    .where(eq(conversations.id, conversationId))
    .run();
  return message;
}

function findByClientId(db: HearthDb, authorType: 'visitor' | 'agent', authorId: string, clientId: string): Message | undefined {
  return db
    .select(messageColumns)
    .from(messages)
    .where(and(eq(messages.authorType, authorType), eq(messages.authorId, authorId), eq(messages.clientId, clientId)))
    .get();
}

export interface VisitorSend {
  siteId: SiteId;
  visitorId: VisitorId;
  clientId: string;
  body: string;
  now: number;
}

/** A visitor's message: goes into their open conversation, opening one if there is none. */
export function sendVisitorMessage(db: HearthDb, input: VisitorSend): SentMessage {
  const original = findByClientId(db, 'visitor', input.visitorId, input.clientId);
  if (original) return { message: original, startedConversation: false, duplicate: true, claimed: false };

  const visitor = db
    .select({ name: visitors.name })
    .from(visitors)
    .where(and(eq(visitors.id, input.visitorId), eq(visitors.siteId, input.siteId)))
    .get();
  if (!visitor) throw new CommandError('unauthorized', 'Unknown visitor.');

  let conversationId = db
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(eq(conversations.visitorId, input.visitorId), eq(conversations.status, 'open')))
    .get()?.id;
  const startedConversation = conversationId === undefined;
  if (conversationId === undefined) {
    conversationId = randomUUID() as ConversationId;
    db.insert(conversations)
      .values({
        id: conversationId,
        siteId: input.siteId,
        visitorId: input.visitorId,
        status: 'open',
        createdAt: input.now,
        updatedAt: input.now,
      })
      .run();
  }
  const message = appendMessage(
    db,
    conversationId,
    input.siteId,
    { type: 'visitor', id: input.visitorId, name: visitor.name },
    input.clientId,
    input.body,
    input.now,
  );
  return { message, startedConversation, duplicate: false, claimed: false };
}

export interface AgentSend {
  agentId: AgentId;
  agentName: string;
  siteIds: readonly SiteId[];
  conversationId: ConversationId;
  clientId: string;
  body: string;
  now: number;
}

/** An agent's reply. Replying to an unassigned conversation claims it. */
export function sendAgentMessage(db: HearthDb, input: AgentSend): SentMessage {
  const original = findByClientId(db, 'agent', input.agentId, input.clientId);
  if (original) return { message: original, startedConversation: false, duplicate: true, claimed: false };

  const conversation = input.siteIds.length
    ? db
        .select({ siteId: conversations.siteId, status: conversations.status, assignedAgentId: conversations.assignedAgentId })
        .from(conversations)
        .where(and(eq(conversations.id, input.conversationId), inArray(conversations.siteId, [...input.siteIds])))
        .get()
    : undefined;
  if (!conversation) throw new CommandError('not_found', 'Conversation not found.');
  if (conversation.status !== 'open') throw new CommandError('conversation_closed', 'This conversation is closed.');

  const claimed = conversation.assignedAgentId === null;
  if (claimed) {
    db.update(conversations).set({ assignedAgentId: input.agentId }).where(eq(conversations.id, input.conversationId)).run();
  }
  const message = appendMessage(
    db,
    input.conversationId,
    conversation.siteId,
    { type: 'agent', id: input.agentId, name: input.agentName },
    input.clientId,
    input.body,
    input.now,
  );
  return { message, startedConversation: false, duplicate: false, claimed };
}
