import { and, asc, desc, eq, isNull, ne, sql } from 'drizzle-orm';
import { preparedStatements, schema, type HearthDb } from '@hearth/db';
import type { AgentId, ConversationId, SiteId, VisitorId } from '@hearth/protocol';
import type { RoutingSettings } from '@hearth/protocol';
import type { AgentCandidate } from './pick-agent.ts';

const { conversations, conversationEvents } = schema;

/** Most queued conversations one drain looks at; the rest wait for the next slot to free. */
export const DRAIN_BATCH = 2000;

/**
 * Online agents of a site with their load. Load counts open chats on every site the agent serves:
 * capacity is about one person's attention.
 */
export function loadCandidates(db: HearthDb, siteId: SiteId, settings: RoutingSettings): AgentCandidate[] {
  const rows = db.all<{
    agentId: AgentId;
    status: AgentCandidate['status'];
    lastAssignedAt: number | null;
    maxChats: number | null;
    openChats: number;
    departmentIds: string | null;
  }>(sql`
    SELECT a.id AS agentId, a.status AS status, a.last_assigned_at AS lastAssignedAt, m.max_chats AS maxChats,
      (SELECT count(*) FROM conversations c WHERE c.assigned_agent_id = a.id AND c.status = 'open') AS openChats,
      (SELECT group_concat(ad.department_id) FROM agent_departments ad
         JOIN departments d ON d.id = ad.department_id
         WHERE ad.agent_id = a.id AND d.site_id = m.site_id) AS departmentIds
    FROM memberships m JOIN agents a ON a.id = m.agent_id
    WHERE m.site_id = ${siteId} AND a.status = 'online'`);
  return rows.map((r) => ({
    agentId: r.agentId,
    status: r.status,
    lastAssignedAt: r.lastAssignedAt,
    maxChats: r.maxChats ?? settings.defaultMaxChats,
    openChats: r.openChats,
    departmentIds: r.departmentIds ? r.departmentIds.split(',') : [],
  }));
}

export interface QueuedConversation {
  id: ConversationId;
  visitorId: VisitorId;
  departmentId: string | null;
  queuedAt: number;
  createdAt: number;
}

/** Waiting conversations of a site, oldest first: the FIFO queue. */
export function queuedConversations(db: HearthDb, siteId: SiteId, limit = DRAIN_BATCH): QueuedConversation[] {
  return db
    .select({
      id: conversations.id,
      visitorId: conversations.visitorId,
      departmentId: conversations.departmentId,
      queuedAt: sql<number>`coalesce(${conversations.queuedAt}, ${conversations.createdAt})`,
      createdAt: conversations.createdAt,
    })
    .from(conversations)
    .where(and(eq(conversations.siteId, siteId), eq(conversations.status, 'open'), isNull(conversations.assignedAgentId)))
    .orderBy(asc(sql`coalesce(${conversations.queuedAt}, ${conversations.createdAt})`), asc(conversations.id))
    .limit(limit)
    .all();
}

const statements = preparedStatements((db: HearthDb) => {
  const e = conversationEvents;
  return {
    missedBy: db
      .select({ agentId: sql<string>`json_extract(${e.data}, '$.agentId')` })
      .from(e)
      .where(and(eq(e.conversationId, sql.placeholder('conversationId')), eq(e.type, 'conversation.missed')))
      .prepare(),
    previousAgent: db
      .select({ agentId: sql<AgentId | null>`json_extract(${e.data}, '$.agentId')` })
      .from(e)
      .innerJoin(conversations, eq(conversations.id, e.conversationId))
      .where(and(eq(conversations.visitorId, sql.placeholder('visitorId')), ne(conversations.id, sql.placeholder('exceptId')), eq(e.type, 'conversation.assigned')))
      .orderBy(desc(e.id))
      .limit(1)
      .prepare(),
  };
});

/** Agents who let this conversation time out: it is not offered to them again. */
export function agentsWhoMissed(db: HearthDb, conversationId: ConversationId): string[] {
  return statements(db).missedBy.all({ conversationId }).map((r) => r.agentId);
}

/** The agent who handled this visitor's previous conversation, if any. */
export function previousAgentOf(db: HearthDb, visitorId: VisitorId, exceptConversation: ConversationId): AgentId | null {
  return statements(db).previousAgent.get({ visitorId, exceptId: exceptConversation })?.agentId ?? null;
}

/** Median seconds from assignment to close over the site's last 50 closed conversations. */
export function recentHandleSeconds(db: HearthDb, siteId: SiteId): number | null {
  const rows = db.all<{ seconds: number }>(sql`
    SELECT (closed_at - assigned_at) / 1000.0 AS seconds FROM conversations
    WHERE site_id = ${siteId} AND status = 'closed' AND assigned_at IS NOT NULL AND closed_at >= assigned_at
    ORDER BY closed_at DESC LIMIT 50`);
  if (rows.length === 0) return null;
  const sorted = rows.map((r) => r.seconds).sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export function onlineAgentCount(db: HearthDb, siteId: SiteId): number {
  return (
    db.get<{ n: number }>(sql`
      SELECT count(*) AS n FROM memberships m JOIN agents a ON a.id = m.agent_id
      WHERE m.site_id = ${siteId} AND a.status = 'online'`)?.n ?? 0
  );
}

/**
 * Place in line: conversations of the same site and department (or the general queue) that have
 * waited longer, plus one. Null when the conversation is not waiting.
 */
export function queuePosition(db: HearthDb, conversationId: ConversationId): { siteId: SiteId; position: number } | null {
  const row = db.get<{ siteId: SiteId; position: number }>(sql`
    SELECT c.site_id AS siteId, 1 + (
      SELECT count(*) FROM conversations o
      WHERE o.site_id = c.site_id AND o.status = 'open' AND o.assigned_agent_id IS NULL
        AND o.department_id IS c.department_id
        AND (coalesce(o.queued_at, o.created_at) < coalesce(c.queued_at, c.created_at)
          OR (coalesce(o.queued_at, o.created_at) = coalesce(c.queued_at, c.created_at) AND o.id < c.id))
    ) AS position
    FROM conversations c
    WHERE c.id = ${conversationId} AND c.status = 'open' AND c.assigned_agent_id IS NULL`);
  return row ?? null;
}
