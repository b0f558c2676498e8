import { expect, it } from 'vitest';
import type { AgentId, SiteId } from '@hearth/protocol';
import { describeEngines } from './engines.ts';
import { seedConversation, seedSite } from './fixtures.ts';
import type { TestSql } from '../../../test/test-db.ts';

/** Every table that holds a site's data, and how to find that site's rows in it. */
const SITE_ROWS: Array<[table: string, where: string]> = [
  ['sites', 'id = ?'],
  ['memberships', 'site_id = ?'],
  ['deactivated_members', 'site_id = ?'],
  ['visitors', 'site_id = ?'],
  ['conversations', 'site_id = ?'],
  ['messages', 'site_id = ?'],
  ['conversation_events', 'site_id = ?'],
  ['conversation_notes', 'site_id = ?'],
  ['page_views', 'site_id = ?'],
  ['visitor_events', 'site_id = ?'],
  ['triggers', 'site_id = ?'],
  ['trigger_events', 'site_id = ?'],
  ['invitations', 'site_id = ?'],
  ['canned_replies', 'site_id = ?'],
  ['labels', 'site_id = ?'],
  ['jobs', 'site_id = ?'],
  ['mail_outbox', 'site_id = ?'],
  ['site_installs', 'site_id = ?'],
];

async function fillSite(sql: TestSql, name: string): Promise<{ siteId: SiteId; agentId: AgentId }> {
  const { siteId, agentId, visitorId } = await seedSite(sql, name);
  const c = await seedConversation(sql, siteId, visitorId, `conv-${name}`);
  const run = (text: string, params: unknown[]) => sql.all(text, params);
  await run("insert into messages (id, conversation_id, site_id, seq, client_id, author_type, body, created_at) values (?, ?, ?, 1, ?, 'visitor', 'hello', 0)", [`m-${name}`, c, siteId, `cl-${name}`]);
  await run("insert into conversation_events (conversation_id, site_id, type, actor_type, created_at) values (?, ?, 'conversation.started', 'visitor', 0)", [c, siteId]);
  await run('insert into conversation_notes (id, conversation_id, site_id, author_id, author_name, client_id, body, created_at) values (?, ?, ?, ?, ?, ?, ?, 0)', [`n-${name}`, c, siteId, agentId, 'A', `nc-${name}`, 'note']);
  await run("insert into page_views (site_id, visitor_id, url, title, viewed_at) values (?, ?, 'https://x.test/', 'x', 0)", [siteId, visitorId]);
  await run("insert into visitor_events (site_id, visitor_id, event_id, name, at, received_at) values (?, ?, ?, 'cart', 0, 0)", [siteId, visitorId, `e-${name}`]);
  await run("insert into triggers (id, site_id, rule, created_at, updated_at) values (?, ?, '{}', 0, 0)", [`t-${name}`, siteId]);
  await run("insert into trigger_events (site_id, visit_id, type, at, received_at) values (?, 'v', 'shown', 0, 0)", [siteId]);
  await run("insert into invitations (id, site_id, email, role, token_hash, created_at, expires_at) values (?, ?, 'x@y.test', 'agent', ?, 0, 1)", [`i-${name}`, siteId, `th-${name}`]);
  await run("insert into canned_replies (id, site_id, title, shortcut, text, created_at, updated_at) values (?, ?, 't', 's', 'x', 0, 0)", [`cr-${name}`, siteId]);
  await run("insert into labels (id, site_id, name, color, created_at) values (?, ?, 'l', '#000000', 0)", [`l-${name}`, siteId]);
  await run("insert into jobs (id, kind, key, site_id, payload, due_at, created_at) values (?, 'k', ?, ?, '{}', 0, 0)", [`j-${name}`, `k-${name}`, siteId]);
  await run("insert into mail_outbox (id, site_id, kind, to_address, subject, message_id, status, created_at, updated_at) values (?, ?, 'invitation', 'x@y.test', 's', ?, 'queued', 0, 0)", [`mo-${name}`, siteId, `<${name}@x>`]);
  await run("insert into agents (id, email, name, password_hash, created_at) values (?, ?, 'Gone', 'x', 0)", [`gone-${name}`, `gone@${name}.test`]);
  await run("insert into deactivated_members (site_id, agent_id, role, joined_at, deactivated_at) values (?, ?, 'agent', 0, 1)", [siteId, `gone-${name}`]);
  await run("insert into site_installs (site_id, origin, first_seen_at) values (?, 'https://x.test', 0)", [siteId]);
  return { siteId, agentId };
}

async function rowsOf(sql: TestSql, siteId: SiteId): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const [table, where] of SITE_ROWS) counts[table] = Number(await sql.value(`select count(*) from ${table} where ${where}`, [siteId]));
  return counts;
}

describeEngines('SiteLifecycleStore', (ctx) => {
  it('erases a site and everything of it in one unit, and nothing of another site', async () => {
    const { store, sql } = ctx();
    const a = await fillSite(sql, 'a');
    const b = await fillSite(sql, 'b');
    const before = await rowsOf(sql, b.siteId);
    expect(Object.values(await rowsOf(sql, a.siteId)).every((n) => n > 0)).toBe(true);
    expect(await store.unit((tx) => tx.siteLifecycle.erase(a.siteId))).toEqual({ memberIds: [a.agentId, 'gone-a'] });
    expect(Object.values(await rowsOf(sql, a.siteId)).every((n) => n === 0)).toBe(true);
    expect(await rowsOf(sql, b.siteId)).toEqual(before);
    // Accounts outlive their sites (they may belong to others, or create a new one).
    expect(await sql.value('select count(*) from agents where id = ?', [a.agentId])).toBe(1);
    expect(await store.unit((tx) => tx.siteLifecycle.erase(a.siteId))).toBeNull();
  });

  it('creates a site with its owner, renames it and replaces its secret', async () => {
    const { store, sql } = ctx();
    const { agentId } = await seedSite(sql, 'x');
    await store.unit((tx) => tx.siteLifecycle.create({ id: 'new-site' as SiteId, key: 'newkey', name: 'New', secret: 's1', settings: '{}', ownerId: agentId, now: 5 }));
    expect(await store.read.siteLifecycle.ownedCount(agentId)).toBe(1);
    expect(await store.unit((tx) => tx.siteLifecycle.rename('new-site' as SiteId, 'Renamed'))).toBe(true);
    expect(await store.unit((tx) => tx.siteLifecycle.replaceSecret('new-site' as SiteId, 's2'))).toBe(true);
    expect(await sql.one('select name, secret from sites where id = ?', ['new-site'])).toEqual({ name: 'Renamed', secret: 's2' });
    expect(await store.read.siteLifecycle.nameOf('new-site' as SiteId)).toBe('Renamed');
    expect(await store.unit((tx) => tx.siteLifecycle.rename('nope' as SiteId, 'x'))).toBe(false);
  });

  it('records each origin once, and no more than the cap per site', async () => {
    const { store, sql } = ctx();
    const { siteId } = await seedSite(sql, 'a');
    const record = (origin: string, now: number) => store.unit((tx) => tx.siteLifecycle.recordInstall(siteId, origin, now, 2));
    expect(await record('https://shop.test', 10)).toBe(true);
    expect(await record('https://shop.test', 20)).toBe(false);
    expect(await record('https://blog.test', 30)).toBe(true);
    expect(await record('https://forged.test', 40)).toBe(false);
    expect(await store.read.siteLifecycle.installs(siteId)).toEqual([
      { origin: 'https://shop.test', firstSeenAt: 10 },
      { origin: 'https://blog.test', firstSeenAt: 30 },
    ]);
  });
});
