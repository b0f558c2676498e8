import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { preparedStatements, schema, type HearthDb } from '@hearth/db';
import type { AgentId, ConversationId, SiteId } from '@hearth/protocol';
import { CommandError } from '../realtime/commands.ts';
import { recordEvent } from '../conversations/conversation-events.ts';
import { readSiteSettings } from '../sites/site-settings.ts';
import { hasFreeSlot, pickAgent } from './pick-agent.ts';
import { agentsWhoMissed, loadCandidates, previousAgentOf, queuedConversations } from './routing-queries.ts';

const { agents, conversations } = schema;

export interface Assignment {
  conversationId: ConversationId;
  siteId: SiteId;
  agentId: AgentId;
}

const statements = preparedStatements((db: HearthDb) => {
  const p = sql.placeholder;
  return {
    /**
     * The guarded write: the conversation must still be open and unassigned, and the agent must
     * still be under capacity, checked in the same statement. Two assigners (two processes one
     * day) racing for one conversation or one agent's last slot cannot both win.
     */
    claim: db
      .update(conversations)
      .set({ assignedAgentId: sql`${p('agentId')}`, assignedAt: sql`${p('now')}`, acceptedAt: null, queuedAt: null, updatedAt: sql`${p('now')}` })
      .where(
        and(
          eq(conversations.id, p('conversationId')),
          eq(conversations.status, 'open'),
          isNull(conversations.assignedAgentId),
          sql`(SELECT count(*) FROM conversations c WHERE c.assigned_agent_id = ${p('agentId')} AND c.status = 'open') < ${p('maxChats')}`,
        ),
      )
      .prepare(),
    touchAgent: db.update(agents).set({ lastAssignedAt: sql`${p('now')}` }).where(eq(agents.id, p('agentId'))).prepare(),
  };
});

function claimFor(db: HearthDb, conversationId: ConversationId, agentId: AgentId, maxChats: number, now: number): boolean {
  return statements(db).claim.run({ conversationId, agentId, maxChats, now }).changes === 1;
}

/**
 * Assigns as many waiting conversations of a site as free slots allow, oldest first. Runs in one
 * transaction (the caller's GroupCommit unit). The agent snapshot is read once and updated in
 * memory after each assignment, so draining a long queue costs one candidate query.
 */
export function assignWaiting(db: HearthDb, siteId: SiteId, now: number): Assignment[] {
  const settings = readSiteSettings(db, siteId).routing;
  const candidates = loadCandidates(db, siteId, settings);
  const assigned: Assignment[] = [];
  if (!candidates.some(hasFreeSlot)) return assigned;
  for (const waiting of queuedConversations(db, siteId)) {
    if (!candidates.some(hasFreeSlot)) break;
    const agentId = pickAgent(
      candidates,
      {
        departmentId: waiting.departmentId,
        departmentFallback: now - waiting.queuedAt >= settings.departmentFallbackSeconds * 1000,
        previousAgentId: previousAgentOf(db, waiting.visitorId, waiting.id),
        excludedAgentIds: agentsWhoMissed(db, waiting.id),
      },
      settings.policy,
    );
    if (!agentId) continue;
    const agent = candidates.find((c) => c.agentId === agentId)!;
    if (!claimFor(db, waiting.id, agentId as AgentId, agent.maxChats, now)) continue;
    agent.openChats++;
    agent.lastAssignedAt = now;
    statements(db).touchAgent.run({ agentId, now });
    recordEvent(db, { conversationId: waiting.id, siteId, type: 'conversation.assigned', actor: { type: 'system', id: null }, data: { agentId, reason: 'routed' }, now });
    assigned.push({ conversationId: waiting.id, siteId, agentId: agentId as AgentId });
  }
  return assigned;
}

/** Puts a conversation back in the queue at its original place (it has waited since it started). */
function requeue(db: HearthDb, conversationId: ConversationId, now: number): void {
  db.update(conversations)
    .set({ assignedAgentId: null, assignedAt: null, acceptedAt: null, queuedAt: sql`${conversations.createdAt}`, updatedAt: now })
    .where(eq(conversations.id, conversationId))
    .run();
}

export interface MissOutcome {
  missed: boolean;
  /** Set when this miss made the agent reach the site's limit: they are now away. */
  agentSetAway: { reason: string } | null;
}

/**
 * The accept timeout fired. Only acts if the same agent still holds the conversation unaccepted
 * (an accept or reply that raced the timer wins). The agent is not offered it again.
 */
export function missAssignment(db: HearthDb, conversationId: ConversationId, agentId: AgentId, now: number): MissOutcome {
  const row = db
    .select({ siteId: conversations.siteId })
    .from(conversations)
    .where(and(eq(conversations.id, conversationId), eq(conversations.assignedAgentId, agentId), eq(conversations.status, 'open'), isNull(conversations.acceptedAt)))
    .get();
  if (!row) return { missed: false, agentSetAway: null };
  requeue(db, conversationId, now);
  recordEvent(db, { conversationId, siteId: row.siteId, type: 'conversation.missed', actor: { type: 'system', id: null }, data: { agentId }, now });
  const misses = db
    .update(agents)
    .set({ consecutiveMisses: sql`${agents.consecutiveMisses} + 1` })
    .where(eq(agents.id, agentId))
    .returning({ n: agents.consecutiveMisses })
    .get()!.n;
  const limit = readSiteSettings(db, row.siteId).routing.maxMissesBeforeAway;
  if (misses < limit) return { missed: true, agentSetAway: null };
  const reason = `Set to away after missing ${misses} chats in a row.`;
  db.update(agents).set({ status: 'away', statusReason: reason }).where(eq(agents.id, agentId)).run();
  return { missed: true, agentSetAway: { reason } };
}

/** The assigned agent took the conversation (accept button or first reply): stops the timeout. */
export function acceptConversation(db: HearthDb, conversationId: ConversationId, agentId: AgentId, now: number): boolean {
  const result = db
    .update(conversations)
    .set({ acceptedAt: now })
    .where(and(eq(conversations.id, conversationId), eq(conversations.assignedAgentId, agentId), isNull(conversations.acceptedAt)))
    .run();
  if (result.changes === 1) db.update(agents).set({ consecutiveMisses: 0 }).where(eq(agents.id, agentId)).run();
  return result.changes === 1;
}

/** Grace expired with no socket: the agent is offline and their open chats go back to the queue. */
export function takeAgentOffline(db: HearthDb, agentId: AgentId, now: number): Array<{ conversationId: ConversationId; siteId: SiteId }> {
  db.update(agents).set({ status: 'offline', statusReason: null }).where(eq(agents.id, agentId)).run();
  const open = db
    .select({ conversationId: conversations.id, siteId: conversations.siteId })
    .from(conversations)
    .where(and(eq(conversations.assignedAgentId, agentId), eq(conversations.status, 'open')))
    .all();
  for (const c of open) {
    requeue(db, c.conversationId, now);
    recordEvent(db, { conversationId: c.conversationId, siteId: c.siteId, type: 'conversation.requeued', actor: { type: 'system', id: null }, data: { agentId, reason: 'agent offline' }, now });
  }
  return open;
}

/**
 * The agent no longer works on this site (an owner deactivated them): their open chats there go
 * back to the queue, in their original place. Their status and other sites' chats stay as they are.
 */
export function releaseAgentFromSite(db: HearthDb, agentId: AgentId, siteId: SiteId, now: number): ConversationId[] {
  const open = db
    .select({ conversationId: conversations.id })
    .from(conversations)
    .where(and(eq(conversations.assignedAgentId, agentId), eq(conversations.siteId, siteId), eq(conversations.status, 'open')))
    .all();
  for (const c of open) {
    requeue(db, c.conversationId, now);
    recordEvent(db, { conversationId: c.conversationId, siteId, type: 'conversation.requeued', actor: { type: 'system', id: null }, data: { agentId, reason: 'agent deactivated' }, now });
  }
  return open.map((c) => c.conversationId);
}

export function setAgentStatus(db: HearthDb, agentId: AgentId, status: 'online' | 'away' | 'offline', reason: string | null = null): void {
  db.update(agents)
    .set({ status, statusReason: reason, ...(status === 'online' ? { consecutiveMisses: 0 } : {}) })
    .where(eq(agents.id, agentId))
    .run();
}

export interface TransferInput {
  conversationId: ConversationId;
  fromAgentId: AgentId;
  siteIds: readonly SiteId[];
  to: { agentId: AgentId } | { departmentId: string };
  note: string | null;
  now: number;
}

/**
 * Hands a conversation to a colleague (who must be on the same site, online, with a free slot) or
 * back to a department's queue. The note is internal: it goes into the event log, never to the visitor.
 */
export function transferConversation(db: HearthDb, input: TransferInput): { siteId: SiteId; toAgentId: AgentId | null } {
  const conv = input.siteIds.length
    ? db
        .select({ siteId: conversations.siteId, status: conversations.status, assignedAgentId: conversations.assignedAgentId })
        .from(conversations)
        .where(and(eq(conversations.id, input.conversationId), inArray(conversations.siteId, [...input.siteIds])))
        .get()
    : undefined;
  if (!conv) throw new CommandError('not_found', 'Conversation not found.');
  if (conv.status !== 'open') throw new CommandError('conversation_closed', 'This conversation is closed.');
  const data = { from: conv.assignedAgentId, note: input.note };

  if ('agentId' in input.to) {
    const settings = readSiteSettings(db, conv.siteId).routing;
    const target = loadCandidates(db, conv.siteId, settings).find((c) => c.agentId === (input.to as { agentId: string }).agentId);
    if (!target) throw new CommandError('not_found', 'That agent is not online on this site.');
    if (target.agentId === conv.assignedAgentId) throw new CommandError('conflict', 'The conversation is already theirs.');
    if (!hasFreeSlot(target)) throw new CommandError('conflict', 'That agent has no free slot.');
    requeue(db, input.conversationId, input.now);
    if (!claimFor(db, input.conversationId, target.agentId as AgentId, target.maxChats, input.now)) {
      throw new CommandError('conflict', 'That agent just ran out of free slots.');
    }
    recordEvent(db, { conversationId: input.conversationId, siteId: conv.siteId, type: 'conversation.transferred', actor: { type: 'agent', id: input.fromAgentId }, data: { ...data, toAgentId: target.agentId }, now: input.now });
    recordEvent(db, { conversationId: input.conversationId, siteId: conv.siteId, type: 'conversation.assigned', actor: { type: 'agent', id: input.fromAgentId }, data: { agentId: target.agentId, reason: 'transfer' }, now: input.now });
    return { siteId: conv.siteId, toAgentId: target.agentId as AgentId };
  }

  const departmentId = input.to.departmentId;
  const department = db
    .select({ id: schema.departments.id })
    .from(schema.departments)
    .where(and(eq(schema.departments.id, departmentId), eq(schema.departments.siteId, conv.siteId)))
    .get();
  if (!department) throw new CommandError('not_found', 'No such department on this site.');
  requeue(db, input.conversationId, input.now);
  // A transfer restarts the department wait, so the fallback to "anyone" counts from now.
  db.update(conversations).set({ departmentId, queuedAt: input.now }).where(eq(conversations.id, input.conversationId)).run();
  recordEvent(db, { conversationId: input.conversationId, siteId: conv.siteId, type: 'conversation.transferred', actor: { type: 'agent', id: input.fromAgentId }, data: { ...data, toDepartmentId: departmentId }, now: input.now });
  return { siteId: conv.siteId, toAgentId: null };
}
