import type { Harness } from './harness.ts';
import { createHash } from 'node:crypto';

export interface Victim {
  siteId: string;
  visitorId: string;
  token: string;
  conversationId: string;
  /** A word only the victim's messages contain. */
  marker: string;
}

/** Values for payload keys and path parameters, each aimed at the victim. */
const aimed = (v: Victim): Record<string, unknown> => ({
  conversationId: v.conversationId,
  id: v.conversationId,
  visitorId: v.visitorId,
  siteId: v.siteId,
  afterSeq: 0,
  upToSeq: 1,
  clientId: 'matrix-' + Math.random().toString(36).slice(2, 10),
  body: 'matrix probe',
  isTyping: true,
  url: 'https://matrix.test/',
  title: 'matrix',
  referrer: null,
  token: v.token,
  siteKey: 'a-site-key',
  score: 4,
  // A transfer names exactly one target: a department (routing refuses it if it is not the site's).
  toDepartmentId: 'matrix-department',
  status: 'away',
  // visitor:track (a host-page event) and an invitation link's token (well-formed, nobody's).
  name: 'matrix-event',
  at: 1,
  inviteToken: 'M'.repeat(43),
  // Desk (issue 6): a label id that is not the victim site's (label commands must refuse it).
  labelId: 'matrix-label',
});

type Parser = { safeParse(v: unknown): { success: boolean }; shape?: Record<string, unknown> } | null;

/**
 * A payload for `event` that carries the victim's ids wherever the schema has room for one.
 * A command with a key this table does not know fails loudly, so a new command gets a filler
 * here rather than silently skipping the matrix.
 */
export function payloadAimedAt(event: string, schema: Parser, v: Victim, param?: string): unknown {
  const values = aimed(v);
  if (event === 'path') return encodeURIComponent(String(param && param in values ? values[param] : v.conversationId));
  if (!schema) return { ...values };
  const keys = Object.keys(schema.shape ?? {});
  const payload = Object.fromEntries(keys.filter((k) => k in values).map((k) => [k, values[k]]));
  if (schema.safeParse(payload).success) return payload;
  const required = Object.fromEntries(Object.entries(payload).filter(([k]) => k !== 'siteId'));
  if (schema.safeParse(required).success) return required;
  throw new Error(`access matrix: cannot build a valid ${event} payload from keys ${keys.join(', ')}; add fillers to aimed()`);
}

/** Every secret in the database, plus the victim's token: none may appear in a response. */
export async function secretsOf(h: Harness, v: Victim): Promise<string[]> {
  const q = async (sql: string) => (await h.sql(sql)).map((r) => String(Object.values(r)[0]));
  return [
    ...(await q('select password_hash from agents')),
    ...(await q('select secret from sites')),
    ...(await q('select token_hash from agent_sessions')),
    ...(await q('select value from instance_settings')),
    ...(await q('select token_hash from invitations')),
    ...(await q('select token_hash from api_tokens')),
    ...(await q('select secret from webhook_endpoints')),
    v.token,
  ].filter((s) => s.length >= 16);
}

/** The victim's rows: conversation, messages, events, visitor and page views. */
export async function victimFingerprint(h: Harness, v: Victim): Promise<string> {
  const hash = createHash('sha256');
  const rows = async (sql: string, arg: string) => hash.update(JSON.stringify((await h.sql(sql, [arg])).map((r) => JSON.stringify(r)).sort()));
  await rows('select * from conversations where visitor_id = ?', v.visitorId);
  await rows('select * from messages where conversation_id in (select id from conversations where visitor_id = ?)', v.visitorId);
  await rows('select * from conversation_events where conversation_id in (select id from conversations where visitor_id = ?)', v.visitorId);
  await rows('select * from visitors where id = ?', v.visitorId);
  await rows('select * from page_views where visitor_id = ?', v.visitorId);
  await rows('select * from conversation_notes where conversation_id in (select id from conversations where visitor_id = ?)', v.visitorId);
  await rows('select * from conversation_labels where conversation_id in (select id from conversations where visitor_id = ?)', v.visitorId);
  await rows('select * from visitor_events where visitor_id = ?', v.visitorId);
  return hash.digest('hex');
}

/** Secrets a principal is entitled to: an owner may reveal their own site's identity secret. */
export async function ownSecretsOf(h: Harness, who: string): Promise<string[]> {
  if (who !== 'owner') return [];
  return (await h.sql<{ secret: string }>('select secret from sites where id = ?', [h.siteA.siteId])).map((r) => r.secret);
}
