import { and, desc, eq, sql } from 'drizzle-orm';
import { schema, type HearthDb } from '@hearth/db';
import { SiteSettingsSchema, type AgentId, type ConversationId, type SiteId, type VisitorId } from '@hearth/protocol';
import { CommandError } from '../realtime/commands.ts';
import { recordEvent } from '../conversations/conversation-events.ts';
import { readSiteSettings } from '../sites/site-settings.ts';
import { reopenOrStart, type CloseReason } from './closing-rules.ts';

const { conversations } = schema;

export interface CloseInput {
  conversationId: ConversationId;
  siteId: SiteId;
  reason: CloseReason;
  actor: { type: 'visitor' | 'agent' | 'system'; id: string | null };
  now: number;
}

/**
 * Closes an open conversation. The UPDATE is conditional on `status = 'open'`, so of two closers
 * (an agent, the visitor, the sweep of another process) exactly one wins and records the event.
 * Returns whether this call closed it.
 */
export function closeIfOpen(db: HearthDb, input: CloseInput): boolean {
  const closed = db
    .update(conversations)
    .set({ status: 'closed', closedAt: input.now, updatedAt: input.now })
    .where(and(eq(conversations.id, input.conversationId), eq(conversations.status, 'open')))
    .returning({ agentId: conversations.assignedAgentId })
    .get();
  if (!closed) return false;
  recordEvent(db, {
    conversationId: input.conversationId,
    siteId: input.siteId,
    type: 'conversation.closed',
    actor: input.actor,
    data: { reason: input.reason, agentId: closed.agentId },
    now: input.now,
  });
  return true;
}

/** The visitor ends their own open conversation from the widget. */
export function endByVisitor(db: HearthDb, siteId: SiteId, visitorId: VisitorId, conversationId: ConversationId, now: number): boolean {
  const row = db
    .select({ status: conversations.status })
    .from(conversations)
    .where(and(eq(conversations.id, conversationId), eq(conversations.visitorId, visitorId), eq(conversations.siteId, siteId)))
    .get();
  if (!row) throw new CommandError('not_found', 'Conversation not found.');
  return closeIfOpen(db, { conversationId, siteId, reason: 'visitor', actor: { type: 'visitor', id: visitorId }, now });
}

export function closeByAgent(db: HearthDb, agentId: AgentId, siteId: SiteId, conversationId: ConversationId, now: number): boolean {
  return closeIfOpen(db, { conversationId, siteId, reason: 'agent', actor: { type: 'agent', id: agentId }, now });
}

const DEFAULT_TIMEOUT = SiteSettingsSchema.parse({}).inactivityTimeoutMinutes;

/**
 * Closes every open conversation idle for longer than its site's inactivity timeout. One
 * conditional UPDATE..RETURNING: rows another process closed first are simply not returned, so no
 * conversation is closed (or its event recorded) twice. `updated_at` is the last activity (every
 * message, claim and read bumps it).
 */
export function closeIdleConversations(db: HearthDb, now: number): Array<{ id: ConversationId; siteId: SiteId }> {
  const timeout = sql`coalesce((select case when json_type(s.settings, '$.inactivityTimeoutMinutes') = 'integer'
      then json_extract(s.settings, '$.inactivityTimeoutMinutes') end from sites s where s.id = ${conversations.siteId}), ${DEFAULT_TIMEOUT})`;
  const closed = db
    .update(conversations)
    .set({ status: 'closed', closedAt: now, updatedAt: now })
    .where(and(eq(conversations.status, 'open'), sql`${conversations.updatedAt} < ${now} - 60000 * ${timeout}`))
    .returning({ id: conversations.id, siteId: conversations.siteId, agentId: conversations.assignedAgentId })
    .all();
  for (const c of closed) {
    recordEvent(db, {
      conversationId: c.id,
      siteId: c.siteId,
      type: 'conversation.closed',
      actor: { type: 'system', id: null },
      data: { reason: 'inactivity', agentId: c.agentId },
      now,
    });
  }
  return closed.map(({ id, siteId }) => ({ id, siteId }));
}

/**
 * For a visitor without an open conversation: reopens their latest one if it closed within the
 * site's reopen window and returns its id, else null (the caller starts a new one). Runs inside
 * the send transaction; the one-open-per-visitor unique index guards races.
 */
export function reopenWithinWindow(db: HearthDb, siteId: SiteId, visitorId: VisitorId, now: number): ConversationId | null {
  const latest = db
    .select({ id: conversations.id, status: conversations.status, closedAt: conversations.closedAt })
    .from(conversations)
    .where(eq(conversations.visitorId, visitorId))
    .orderBy(desc(conversations.createdAt))
    .limit(1)
    .get();
  const decision = reopenOrStart(latest ?? null, now, readSiteSettings(db, siteId).reopenWindowMinutes * 60_000);
  if (decision.kind !== 'reopen') return null;
  const id = decision.id as ConversationId;
  db.update(conversations).set({ status: 'open', closedAt: null, updatedAt: now }).where(and(eq(conversations.id, id), eq(conversations.status, 'closed'))).run();
  recordEvent(db, { conversationId: id, siteId, type: 'conversation.reopened', actor: { type: 'visitor', id: visitorId }, now });
  return id;
}
