import { expect, it } from 'vitest';
import type { AgentId, SiteId, VisitorId } from '@hearth/protocol';
import type { StoreTx } from '../store.ts';
import { describeEngines } from './engines.ts';
import { seedAgent, seedSite } from './fixtures.ts';

describeEngines('AuthStore', (ctx) => {
  it('finds accounts by email and sessions by token hash until they expire', async () => {
    const { store, sql } = ctx();
    const { siteId, agentId } = await seedSite(sql);
    expect(await store.read.auth.agentByEmail('a@agents.test')).toEqual({ id: agentId, email: 'a@agents.test', name: 'Agent a', passwordHash: 'x' });
    expect(await store.read.auth.agentByEmail('nobody@agents.test')).toBeNull();
    await store.unit((tx) => tx.auth.createSession({ tokenHash: 'h1', agentId, createdAt: 1, expiresAt: 1000 }));
    expect(await store.read.auth.sessionAgent('h1', 999)).toEqual({ agentId, name: 'Agent a', email: 'a@agents.test' });
    expect(await store.read.auth.sessionAgent('h1', 1000)).toBeNull();
    expect(await store.read.auth.sessionExpiry('h1')).toBe(1000);
    await store.unit((tx) => tx.auth.deleteSession('h1'));
    await store.unit((tx) => tx.auth.deleteSession('unknown'));
    expect(await store.read.auth.sessionExpiry('h1')).toBeNull();
    expect(await store.read.auth.siteRole(siteId, agentId)).toBe('agent');
    expect(await store.read.auth.siteIdsOf(agentId)).toEqual([siteId]);
    expect(await store.read.auth.siteIdsOf('nobody' as AgentId)).toEqual([]);
    expect(await store.read.auth.visitorSiteOf('visitor-a' as VisitorId)).toBe(siteId);
    expect(await store.read.auth.visitorSiteOf('erased' as VisitorId)).toBeNull();
    expect(await store.read.auth.siteRole('other' as SiteId, agentId)).toBeNull();
  });

  it('lists an agent’s sites with their role there', async () => {
    const { store, sql } = ctx();
    const a = await seedSite(sql, 'a');
    const b = await seedSite(sql, 'b');
    await sql.all("insert into memberships (site_id, agent_id, role, created_at) values (?, ?, 'owner', 0)", [b.siteId, a.agentId]);
    const sites = await store.read.auth.agentSites(a.agentId);
    expect(sites.sort((x, y) => x.id.localeCompare(y.id))).toEqual([
      { id: a.siteId, name: 'Site a', key: 'key-a', role: 'agent' },
      { id: b.siteId, name: 'Site b', key: 'key-b', role: 'owner' },
    ]);
  });
});

describeEngines('TeamStore', (ctx) => {
  it('lists members by name; changes roles, adds and removes members', async () => {
    const { store, sql } = ctx();
    const { siteId, agentId } = await seedSite(sql);
    const owner = await seedAgent(sql, siteId, 'o1', 'owner', 'Zed Owner');
    await store.unit((tx) => tx.team.createAgent({ id: 'n1' as AgentId, email: 'new@agents.test', name: 'Ann New', passwordHash: 'h', createdAt: 5 }));
    await store.unit((tx) => tx.team.addMember({ siteId, agentId: 'n1' as AgentId, role: 'agent', createdAt: 5 }));
    // An existing membership keeps its role.
    await store.unit((tx) => tx.team.addMember({ siteId, agentId: owner, role: 'agent', createdAt: 5 }));
    expect((await store.read.team.members(siteId)).map((m) => [m.name, m.role])).toEqual([
      ['Agent a', 'agent'],
      ['Ann New', 'agent'],
      ['Zed Owner', 'owner'],
    ]);
    await store.unit(async (tx) => {
      await tx.team.setRole(siteId, agentId, 'owner');
      await tx.team.removeMember(siteId, 'n1' as AgentId);
    });
    expect((await store.unit((tx) => tx.team.membersForChange(siteId))).map((m) => [m.agentId, m.role])).toEqual([
      [agentId, 'owner'],
      [owner, 'owner'],
    ]);
    expect(await store.read.team.hasMemberWithEmail(siteId, 'a@agents.test')).toBe(true);
    expect(await store.read.team.hasMemberWithEmail(siteId, 'new@agents.test')).toBe(false);
    await expect(store.unit((tx) => tx.team.createAgent({ id: 'n2' as AgentId, email: 'new@agents.test', name: 'Dup', passwordHash: 'h', createdAt: 5 }))).rejects.toThrow();
  });

  it('reads and patches profiles, and names existing agents only', async () => {
    const { store, sql } = ctx();
    const { agentId } = await seedSite(sql);
    await store.unit((tx) => tx.team.updateProfile(agentId, { name: 'Renamed', avatarUrl: 'https://img.test/a.png' }));
    await store.unit((tx) => tx.team.updateProfile(agentId, {}));
    expect(await store.read.team.profile(agentId)).toEqual({ agentId, email: 'a@agents.test', name: 'Renamed', avatarUrl: 'https://img.test/a.png' });
    expect(await store.read.team.profile('gone' as AgentId)).toBeNull();
    expect(await store.read.team.agentNames([agentId, 'gone' as AgentId])).toEqual(new Map([[agentId, 'Renamed']]));
    expect(await store.read.team.agentNames([])).toEqual(new Map());
  });

  it('decides team changes one after the other (the site keeps an owner when two owners demote each other at once)', async () => {
    const { store, sql } = ctx();
    const peer = await ctx().peer();
    const { siteId } = await seedSite(sql);
    const o1 = await seedAgent(sql, siteId, 'o1', 'owner');
    const o2 = await seedAgent(sql, siteId, 'o2', 'owner');
    // The last-owner rule as the use case applies it: refuse if the change would leave no owner.
    const demote = (who: AgentId) => async (tx: StoreTx) => {
      const members = await tx.team.membersForChange(siteId);
      if (members.filter((m) => m.role === 'owner' && m.agentId !== who).length === 0) return 'refused';
      await tx.team.setRole(siteId, who, 'agent');
      return 'demoted';
    };
    const results = await Promise.all([store.unit(demote(o1)), peer.unit(demote(o2))]);
    expect(results.sort()).toEqual(['demoted', 'refused']);
    expect(await sql.value("select count(*) from memberships where role = 'owner'")).toBe(1);
  });
});
