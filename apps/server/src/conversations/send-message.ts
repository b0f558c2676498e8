import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { preparedStatements, schema, type HearthDb } from '@hearth/db';
import type { AgentId, ConversationId, Message, MessageId, SiteId, VisitorId } from '@hearth/protocol';
import { CommandError } from '../realtime/commands.ts';
import { messageColumns } from './conversation-queries.ts';
import { recordEvent } from './conversation-events.ts';
import { reopenWithinWindow } from '../closing/close-conversation.ts';

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
  /** True when this (visitor) send reopened a recently closed conversation. */
  reopened?: boolean;
}

/** The message path's statements (bench/store.ts measured SQL building as the main cost). */
const statements = preparedStatements((db: HearthDb) => {
  const p = (name: string) => sql.placeholder(name);
  return {
    byClientId: db
      .select(messageColumns)
      .from(messages)
      .where(and(eq(messages.authorType, p('authorType')), eq(messages.authorId, p('authorId')), eq(messages.clientId, p('clientId'))))
      .prepare(),
    visitorName: db
      .select({ name: visitors.name })
      .from(visitors)
      .where(and(eq(visitors.id, p('visitorId')), eq(visitors.siteId, p('siteId'))))
      .prepare(),
    openConversationOf: db
      .select({ id: conversations.id })
      .from(conversations)
      .where(and(eq(conversations.visitorId, p('visitorId')), eq(conversations.status, 'open')))
      .prepare(),
    // Bumping last_seq and reading it back in one statement: the seq is decided by the row lock.
    bumpSeq: db
      .update(conversations)
      .set({
        lastSeq: sql`${conversations.lastSeq} + 1`,
        lastMessageBody: sql`${p('preview')}`,
        lastMessageAuthorType: sql`${p('authorType')}`,
        lastMessageAt: sql`${p('now')}`,
        updatedAt: sql`${p('now')}`,
        // Writing implies having read everything before it (right-hand sides see the old row).
        visitorReadSeq: sql`CASE WHEN ${p('authorType')} = 'visitor' THEN ${conversations.lastSeq} + 1 ELSE ${conversations.visitorReadSeq} END`,
        agentReadSeq: sql`CASE WHEN ${p('authorType')} = 'agent' THEN ${conversations.lastSeq} + 1 ELSE ${conversations.agentReadSeq} END`,
      })
      .where(eq(conversations.id, p('conversationId')))
      .returning({ seq: conversations.lastSeq })
      .prepare(),
    insertMessage: db
      .insert(messages)
      .values({
        id: sql`${p('id')}`,
        conversationId: sql`${p('conversationId')}`,
        siteId: sql`${p('siteId')}`,
        seq: sql`${p('seq')}`,
        clientId: sql`${p('clientId')}`,
        authorType: sql`${p('authorType')}`,
        authorId: sql`${p('authorId')}`,
        authorName: sql`${p('authorName')}`,
        body: sql`${p('body')}`,
        createdAt: sql`${p('now')}`,
      })
      .prepare(),
  };
});

/**
 * Must run inside one transaction (GroupCommit.run). The unique index on (conversation_id, seq)
 * turns a concurrent writer on another node into a failed savepoint rather than a gap or a
 * duplicate.
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
  const s = statements(db);
  const bumped = s.bumpSeq.get({ conversationId, preview: body.slice(0, PREVIEW_LENGTH), authorType: author.type, now });
  if (!bumped) throw new CommandError('not_found', 'Conversation not found.');
  const id = randomUUID() as MessageId;
  const message: Message = {
    id,
    conversationId,
    seq: bumped.seq,
    clientId,
    authorType: author.type,
    authorId: author.id,
    authorName: author.name,
    body,
    createdAt: now,
  };
  s.insertMessage.run({ id, conversationId, siteId, seq: bumped.seq, clientId, authorType: author.type, authorId: author.id, authorName: author.name, body, now });
  return message;
}

export interface VisitorSend {
  siteId: SiteId;
  visitorId: VisitorId;
  clientId: string;
  body: string;
  /** Only used when this message starts a conversation; must be a department of the site. */
  departmentId?: string | null;
  now: number;
  /** Data for `conversation.started` if this message starts one (the prompt the visitor replied to). */
  startData?: Record<string, unknown> | null;
}

/** A visitor's message: goes into their open conversation, opening one if there is none. */
export function sendVisitorMessage(db: HearthDb, input: VisitorSend): SentMessage {
  const s = statements(db);
  const original = s.byClientId.get({ authorType: 'visitor', authorId: input.visitorId, clientId: input.clientId });
  if (original) return { message: original, startedConversation: false, duplicate: true, claimed: false };

  const visitor = s.visitorName.get({ visitorId: input.visitorId, siteId: input.siteId });
  if (!visitor) throw new CommandError('unauthorized', 'Unknown visitor.');

  let conversationId = s.openConversationOf.get({ visitorId: input.visitorId })?.id;
  let reopened = false;
  if (conversationId === undefined) {
    // Closing (issue 5): a message soon after a close reopens that conversation instead of starting one.
    conversationId = reopenWithinWindow(db, input.siteId, input.visitorId, input.now) ?? undefined;
    reopened = conversationId !== undefined;
  }
  const startedConversation = conversationId === undefined;
  if (conversationId === undefined) {
    const departmentId = input.departmentId ?? null;
    if (departmentId !== null) {
      const known = db
        .select({ id: schema.departments.id })
        .from(schema.departments)
        .where(and(eq(schema.departments.id, departmentId), eq(schema.departments.siteId, input.siteId)))
        .get();
      if (!known) throw new CommandError('not_found', 'No such topic on this site.');
    }
    conversationId = randomUUID() as ConversationId;
    db.insert(conversations)
      .values({
        id: conversationId,
        siteId: input.siteId,
        visitorId: input.visitorId,
        status: 'open',
        departmentId,
        queuedAt: input.now,
        createdAt: input.now,
        updatedAt: input.now,
      })
      .run();
    recordEvent(db, {
      conversationId,
      siteId: input.siteId,
      type: 'conversation.started',
      actor: { type: 'visitor', id: input.visitorId },
      ...(input.startData ? { data: input.startData } : {}),
      now: input.now,
    });
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
  return { message, startedConversation, duplicate: false, claimed: false, reopened };
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
  const original = statements(db).byClientId.get({ authorType: 'agent', authorId: input.agentId, clientId: input.clientId });
  if (original) return { message: original, startedConversation: false, duplicate: true, claimed: false };

  const conversation = input.siteIds.length
    ? db
        .select({
          siteId: conversations.siteId,
          status: conversations.status,
          assignedAgentId: conversations.assignedAgentId,
          acceptedAt: conversations.acceptedAt,
        })
        .from(conversations)
        .where(and(eq(conversations.id, input.conversationId), inArray(conversations.siteId, [...input.siteIds])))
        .get()
    : undefined;
  if (!conversation) throw new CommandError('not_found', 'Conversation not found.');
  if (conversation.status !== 'open') throw new CommandError('conversation_closed', 'This conversation is closed.');

  const claimed = conversation.assignedAgentId === null;
  if (claimed || (conversation.assignedAgentId === input.agentId && conversation.acceptedAt === null)) {
    // Answering is accepting: it stops the accept timeout and resets the agent's missed count.
    db.update(conversations)
      .set({ acceptedAt: input.now, ...(claimed ? { assignedAgentId: input.agentId, assignedAt: input.now, queuedAt: null } : {}) })
      .where(eq(conversations.id, input.conversationId))
      .run();
    db.update(schema.agents).set({ consecutiveMisses: 0 }).where(eq(schema.agents.id, input.agentId)).run();
  }
  if (claimed) {
    recordEvent(db, {
      conversationId: input.conversationId,
      siteId: conversation.siteId,
      type: 'conversation.assigned',
      actor: { type: 'agent', id: input.agentId },
      data: { agentId: input.agentId, reason: 'replied' },
      now: input.now,
    });
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
