import type { AgentId, ConversationId, SiteId, VisitorId } from '@hearth/protocol';
import type { TestSql } from '../../../test/test-db.ts';

/** Rows the contract tests build on, written in SQL both engines understand. */
export async function seedSite(sql: TestSql, name = 'a'): Promise<{ siteId: SiteId; agentId: AgentId; visitorId: VisitorId }> {
  const siteId = `site-${name}` as SiteId;
  const agentId = `agent-${name}` as AgentId;
  const visitorId = `visitor-${name}` as VisitorId;
  await sql.all('insert into sites (id, key, name, secret, created_at) values (?, ?, ?, ?, 0)', [siteId, `key-${name}`, `Site ${name}`, 'secret']);
  await sql.all('insert into agents (id, email, name, password_hash, created_at) values (?, ?, ?, ?, 0)', [agentId, `${name}@agents.test`, `Agent ${name}`, 'x']);
  await sql.all("insert into memberships (site_id, agent_id, role, created_at) values (?, ?, 'agent', 0)", [siteId, agentId]);
  await sql.all('insert into visitors (id, site_id, created_at, last_seen_at) values (?, ?, 0, 0)', [visitorId, siteId]);
  return { siteId, agentId, visitorId };
}

export async function seedConversation(sql: TestSql, siteId: SiteId, visitorId: VisitorId, id: string, status: 'open' | 'closed' = 'open'): Promise<ConversationId> {
  await sql.all('insert into conversations (id, site_id, visitor_id, status, created_at, updated_at) values (?, ?, ?, ?, 0, 0)', [id, siteId, visitorId, status]);
  return id as ConversationId;
}

export async function seedMessage(
  sql: TestSql,
  m: { conversationId: string; siteId: string; seq: number; authorType: 'visitor' | 'agent' | 'system'; authorId?: string | null; body: string; at: number },
): Promise<void> {
  await sql.all('insert into messages (id, conversation_id, site_id, seq, client_id, author_type, author_id, body, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)', [
    `${m.conversationId}-m${m.seq}`,
    m.conversationId,
    m.siteId,
    m.seq,
    `${m.conversationId}-c${m.seq}`,
    m.authorType,
    m.authorId ?? null,
    m.body,
    m.at,
  ]);
}

export async function seedEvent(sql: TestSql, e: { conversationId: string; siteId: string; type: string; data?: unknown; at: number; actorType?: 'visitor' | 'agent' | 'system' }): Promise<void> {
  await sql.all('insert into conversation_events (conversation_id, site_id, type, actor_type, data, created_at) values (?, ?, ?, ?, ?, ?)', [
    e.conversationId,
    e.siteId,
    e.type,
    e.actorType ?? 'system',
    JSON.stringify(e.data ?? {}),
    e.at,
  ]);
}

/** An agent (role `agent` unless said) on the site. */
export async function seedAgent(sql: TestSql, siteId: string, id: string, role: 'owner' | 'agent' = 'agent', name = id): Promise<AgentId> {
  await sql.all('insert into agents (id, email, name, password_hash, created_at) values (?, ?, ?, ?, 0)', [id, `${id}@agents.test`, name, 'x']);
  await sql.all('insert into memberships (site_id, agent_id, role, created_at) values (?, ?, ?, 0)', [siteId, id, role]);
  return id as AgentId;
}
