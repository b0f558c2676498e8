import { expect, it } from 'vitest';
import type { AgentId } from '@hearth/protocol';
import { describeEngines } from './engines.ts';
import { seedSite } from './fixtures.ts';

describeEngines('AccountStore', (ctx) => {
  it('a reset link works once, within its hour, and using one voids the account’s other links', async () => {
    const { store, sql } = ctx();
    const { agentId } = await seedSite(sql);
    await store.unit(async (tx) => {
      await tx.accounts.addPasswordReset({ tokenHash: 'old', agentId, createdAt: 100, expiresAt: 3_600_100 });
      await tx.accounts.addPasswordReset({ tokenHash: 'new', agentId, createdAt: 200, expiresAt: 3_600_200 });
      await tx.accounts.addPasswordReset({ tokenHash: 'stale', agentId, createdAt: 0, expiresAt: 50 });
    });
    expect(await store.read.accounts.passwordResetsSince(agentId, 150)).toBe(1);
    expect(await store.unit((tx) => tx.accounts.usePasswordReset('stale', 1000))).toBeNull();
    expect(await store.unit((tx) => tx.accounts.usePasswordReset('new', 1000))).toBe(agentId);
    expect(await store.unit((tx) => tx.accounts.usePasswordReset('new', 1001))).toBeNull();
    expect(await store.unit((tx) => tx.accounts.usePasswordReset('old', 1002))).toBeNull();
    expect(await store.unit((tx) => tx.accounts.usePasswordReset('unknown', 1003))).toBeNull();
  });

  it('ends every session but the one kept, and changes the password', async () => {
    const { store, sql } = ctx();
    const { agentId } = await seedSite(sql);
    for (const hash of ['s1', 's2', 's3']) await sql.all('insert into agent_sessions (token_hash, agent_id, created_at, expires_at) values (?, ?, 0, 9999999999999)', [hash, agentId]);
    expect((await store.unit((tx) => tx.accounts.endSessions(agentId, 's2'))).sort()).toEqual(['s1', 's3']);
    expect(await store.unit((tx) => tx.accounts.endSessions(agentId, null))).toEqual(['s2']);
    await store.unit((tx) => tx.accounts.setPassword(agentId, 'scrypt$new'));
    expect(await store.read.accounts.byEmail('a@agents.test')).toMatchObject({ id: agentId, passwordHash: 'scrypt$new', locale: 'en' });
  });

  it('an email change moves the account once; an address taken meanwhile changes nothing', async () => {
    const { store, sql } = ctx();
    const a = await seedSite(sql, 'a');
    const b = await seedSite(sql, 'b');
    await store.unit(async (tx) => {
      await tx.accounts.addEmailChange({ tokenHash: 'to-free', agentId: a.agentId, newEmail: 'ann@new.test', createdAt: 0, expiresAt: 1000 });
      await tx.accounts.addEmailChange({ tokenHash: 'to-taken', agentId: a.agentId, newEmail: 'b@agents.test', createdAt: 0, expiresAt: 1000 });
    });
    expect(await store.unit((tx) => tx.accounts.useEmailChange('to-taken', 10))).toEqual({ kind: 'taken', newEmail: 'b@agents.test' });
    expect(await store.unit((tx) => tx.accounts.useEmailChange('to-free', 10))).toEqual({
      kind: 'changed',
      agentId: a.agentId,
      oldEmail: 'a@agents.test',
      newEmail: 'ann@new.test',
      name: 'Agent a',
      locale: 'en',
    });
    expect(await store.unit((tx) => tx.accounts.useEmailChange('to-free', 11))).toEqual({ kind: 'invalid' });
    expect(await store.read.accounts.byId(a.agentId)).toMatchObject({ email: 'ann@new.test' });
    expect(await store.read.accounts.byId(b.agentId)).toMatchObject({ email: 'b@agents.test' });
  });

  it('deactivating moves a membership out (role and capacity kept) and locks out an account with no other site', async () => {
    const { store, sql } = ctx();
    const a = await seedSite(sql, 'a');
    const b = await seedSite(sql, 'b');
    await sql.all('update memberships set max_chats = 7 where agent_id = ?', [a.agentId]);
    await sql.all("insert into memberships (site_id, agent_id, role, created_at) values (?, ?, 'owner', 5)", [b.siteId, a.agentId]);
    const by = b.agentId as AgentId;
    expect(await store.unit((tx) => tx.accounts.deactivate({ siteId: a.siteId, agentId: a.agentId, by, now: 50 }))).toBe(true);
    expect(await store.unit((tx) => tx.accounts.deactivate({ siteId: a.siteId, agentId: a.agentId, by, now: 51 }))).toBe(false);
    expect(await store.read.accounts.deactivatedOf(a.siteId)).toEqual([{ agentId: a.agentId, name: 'Agent a', email: 'a@agents.test', role: 'agent', deactivatedAt: 50 }]);
    expect(await store.read.accounts.isLockedOut(a.agentId)).toBe(false);
    expect((await store.read.accounts.allMemberships(a.agentId)).sort((x, y) => x.siteId.localeCompare(y.siteId))).toEqual([
      { siteId: a.siteId, role: 'agent', active: false },
      { siteId: b.siteId, role: 'owner', active: true },
    ]);
    await store.unit((tx) => tx.accounts.deactivate({ siteId: b.siteId, agentId: a.agentId, by, now: 52 }));
    expect(await store.read.accounts.isLockedOut(a.agentId)).toBe(true);
    expect(await store.unit((tx) => tx.accounts.reactivate(a.siteId, a.agentId))).toBe(true);
    expect(await store.unit((tx) => tx.accounts.reactivate(a.siteId, a.agentId))).toBe(false);
    expect(await sql.one('select role, max_chats from memberships where site_id = ? and agent_id = ?', [a.siteId, a.agentId])).toEqual({ role: 'agent', max_chats: 7 });
    expect(await store.read.accounts.isLockedOut(a.agentId)).toBe(false);
    expect(await store.read.accounts.isLockedOut(b.agentId)).toBe(false);
  });
});
