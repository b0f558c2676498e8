import { expect, it } from 'vitest';
import type { AgentId } from '@hearth/protocol';
import type { NewApiToken } from '../../api/api.store.ts';
import { describeEngines } from './engines.ts';
import { seedAgent, seedSite } from './fixtures.ts';

describeEngines('ApiStore', (ctx) => {
  const token = (id: string, siteId: NewApiToken['siteId'], createdBy: AgentId, extra: Partial<NewApiToken> = {}): NewApiToken => ({
    id,
    siteId,
    name: `Token ${id}`,
    tokenHash: `hash-${id}`,
    prefix: `hth_${id}`,
    scopes: ['read', 'write'],
    createdBy,
    expiresAt: null,
    now: 100,
    ...extra,
  });

  it('tokens: created, found by hash, listed per site newest first, revoked once and only by their site', async () => {
    const { store, sql } = ctx();
    const a = await seedSite(sql, 'a');
    const b = await seedSite(sql, 'b');
    expect(await store.unit((tx) => tx.api.create(token('t1', a.siteId, a.agentId, { scopes: ['read'] })))).toMatchObject({ id: 't1', scopes: ['read'], revokedAt: null, lastUsedAt: null });
    await store.unit((tx) => tx.api.create(token('t2', a.siteId, a.agentId, { now: 200, expiresAt: 5000 })));
    await store.unit((tx) => tx.api.create(token('t3', b.siteId, b.agentId)));
    expect((await store.read.api.listOf(a.siteId)).map((t) => t.id)).toEqual(['t2', 't1']);
    expect(await store.read.api.byHash('hash-t2')).toMatchObject({ id: 't2', siteId: a.siteId, scopes: ['read', 'write'], expiresAt: 5000 });
    expect(await store.read.api.byHash('nope')).toBeNull();
    expect(await store.unit((tx) => tx.api.revoke(b.siteId, 't1', 300))).toBe(false);
    expect(await store.unit((tx) => tx.api.revoke(a.siteId, 't1', 300))).toBe(true);
    expect(await store.unit((tx) => tx.api.revoke(a.siteId, 't1', 400))).toBe(false);
    expect(await store.read.api.byHash('hash-t1')).toMatchObject({ revokedAt: 300 });
    await store.unit((tx) => tx.api.touch('t2', 900));
    expect((await store.read.api.listOf(a.siteId))[0]).toMatchObject({ lastUsedAt: 900 });
  });

  it('idempotency keys: one reservation per token and key, across nodes; answered, released, trimmed', async () => {
    const { store, sql, peer } = ctx();
    const other = await peer();
    const a = await seedSite(sql, 'a');
    await store.unit((tx) => tx.api.create(token('t1', a.siteId, a.agentId)));
    await store.unit((tx) => tx.api.create(token('t2', a.siteId, a.agentId)));
    expect(await store.unit((tx) => tx.api.reserveKey('t1', 'k', 'h1', 100))).toBeNull();
    expect(await other.unit((tx) => tx.api.reserveKey('t1', 'k', 'h1', 110))).toEqual({ requestHash: 'h1', statusCode: 0, body: '' });
    // Keys are per token.
    expect(await other.unit((tx) => tx.api.reserveKey('t2', 'k', 'h2', 110))).toBeNull();
    await store.unit((tx) => tx.api.answerKey('t1', 'k', 201, '{"ok":true}'));
    expect(await other.unit((tx) => tx.api.reserveKey('t1', 'k', 'h1', 120))).toEqual({ requestHash: 'h1', statusCode: 201, body: '{"ok":true}' });
    // A released (failed) call frees the key; an answered one is not released.
    await store.unit((tx) => tx.api.releaseKey('t2', 'k'));
    await store.unit((tx) => tx.api.releaseKey('t1', 'k'));
    expect(await store.unit((tx) => tx.api.reserveKey('t2', 'k', 'h3', 130))).toBeNull();
    expect(await store.unit((tx) => tx.api.reserveKey('t1', 'k', 'h1', 130))).toMatchObject({ statusCode: 201 });
    expect(await store.unit((tx) => tx.api.trimKeys(125))).toBe(1);
    expect(await store.unit((tx) => tx.api.reserveKey('t1', 'k', 'h9', 140))).toBeNull();
  });

  it('agents: the site’s members with role and status, by name', async () => {
    const { store, sql } = ctx();
    const a = await seedSite(sql, 'a');
    await seedAgent(sql, a.siteId, 'zed', 'owner', 'Zed');
    await sql.all("update agents set status = 'online' where id = ?", ['zed']);
    await seedSite(sql, 'b');
    expect(await store.read.api.agents(a.siteId)).toEqual([
      { id: a.agentId, name: 'Agent a', role: 'agent', status: 'offline' },
      { id: 'zed', name: 'Zed', role: 'owner', status: 'online' },
    ]);
  });
});
