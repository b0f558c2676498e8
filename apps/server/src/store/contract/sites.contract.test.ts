import { expect, it } from 'vitest';
import type { SiteId, VisitorId } from '@hearth/protocol';
import { describeEngines } from './engines.ts';
import { seedSite } from './fixtures.ts';

describeEngines('SiteStore', (ctx) => {
  it('creates sites and reads their profile, secret, key, count and the oldest site', async () => {
    const { store } = ctx();
    expect(await store.read.sites.count()).toBe(0);
    expect(await store.read.sites.firstSiteKey()).toBeNull();
    await store.unit(async (tx) => {
      await tx.sites.create({ id: 's2' as SiteId, key: 'k2', name: 'Second', secret: 'sec2', createdAt: 20 });
      await tx.sites.create({ id: 's1' as SiteId, key: 'k1', name: 'First', secret: 'sec1', createdAt: 10 });
    });
    expect(await store.read.sites.count()).toBe(2);
    expect(await store.read.sites.firstSiteKey()).toBe('k1');
    expect(await store.read.sites.profile('s2' as SiteId)).toEqual({ id: 's2', name: 'Second', key: 'k2' });
    expect(await store.read.sites.byKey('k1')).toEqual({ id: 's1', name: 'First', key: 'k1' });
    expect(await store.read.sites.byKey('nope')).toBeNull();
    expect(await store.read.sites.identitySecret('s1' as SiteId)).toBe('sec1');
    expect(await store.read.sites.identitySecret('nope' as SiteId)).toBeNull();
    await expect(store.unit((tx) => tx.sites.create({ id: 's3' as SiteId, key: 'k1', name: 'Dup key', secret: 'x', createdAt: 1 }))).rejects.toThrow();
  });

  it('reads settings with defaults, merges patches, and survives a corrupt document', async () => {
    const { store, sql } = ctx();
    const { siteId } = await seedSite(sql);
    const defaults = await store.read.sites.settings(siteId);
    expect(defaults.reopenWindowMinutes).toBeTypeOf('number');
    const next = await store.unit((tx) => tx.sites.updateSettings(siteId, { reopenWindowMinutes: 7 }));
    expect(next.reopenWindowMinutes).toBe(7);
    expect(await store.read.sites.settings(siteId)).toEqual(next);
    await sql.all("update sites set settings = '{not json' where id = ?", [siteId]);
    expect(await store.read.sites.settings(siteId)).toEqual(defaults);
    expect(await store.read.sites.settings('unknown' as SiteId)).toEqual(defaults);
  });

  it('keeps both of two concurrent patches of different keys (no lost update)', async () => {
    const { store, sql } = ctx();
    const peer = await ctx().peer();
    const { siteId } = await seedSite(sql);
    for (let round = 0; round < 5; round++) {
      await Promise.all([
        store.unit((tx) => tx.sites.updateSettings(siteId, { reopenWindowMinutes: 10 + round })),
        peer.unit((tx) => tx.sites.updateSettings(siteId, { inactivityTimeoutMinutes: 100 + round })),
      ]);
      const settings = await store.read.sites.settings(siteId);
      expect([settings.reopenWindowMinutes, settings.inactivityTimeoutMinutes]).toEqual([10 + round, 100 + round]);
    }
  });

  it('tells how the site shows its agents, and follows a change of the settings', async () => {
    const { store, sql } = ctx();
    const { siteId } = await seedSite(sql);
    expect(await store.read.sites.agentDisplay(siteId)).toEqual({ showAgents: true, siteName: 'Site a' });
    const settings = await store.read.sites.settings(siteId);
    await store.unit((tx) => tx.sites.updateSettings(siteId, { appearance: { ...settings.appearance, showAgents: false } }));
    expect(await store.read.sites.agentDisplay(siteId)).toEqual({ showAgents: false, siteName: 'Site a' });
    expect(await store.read.sites.agentDisplay('unknown' as SiteId)).toEqual({ showAgents: true, siteName: '' });
  });

  it('lists departments by name', async () => {
    const { store, sql } = ctx();
    const { siteId } = await seedSite(sql);
    await sql.all("insert into departments (id, site_id, name, created_at) values ('d2', ?, 'Sales', 0), ('d1', ?, 'Billing', 0)", [siteId, siteId]);
    expect(await store.read.sites.departments(siteId)).toEqual([
      { id: 'd1', name: 'Billing' },
      { id: 'd2', name: 'Sales' },
    ]);
  });
});

describeEngines('InstanceStore', (ctx) => {
  it('stores a setting once: every node racing to initialise it reads the same value', async () => {
    const { store } = ctx();
    const peer = await ctx().peer();
    const values = await Promise.all(Array.from({ length: 6 }, (_, i) => (i % 2 ? peer : store).unit((tx) => tx.instance.settingOrInit('signing-key', `candidate-${i}`))));
    expect(new Set(values).size).toBe(1);
    expect(await store.unit((tx) => tx.instance.settingOrInit('signing-key', 'later'))).toBe(values[0]);
  });

  it('serialises first-boot work: two first boots create one installation', async () => {
    const { store } = ctx();
    const peer = await ctx().peer();
    const boot = (s: typeof store, n: number) =>
      s.unit(async (tx) => {
        await tx.instance.lockInstallation();
        if ((await tx.sites.count()) > 0) return false;
        await tx.sites.create({ id: `s${n}` as SiteId, key: `k${n}`, name: 'First', secret: 'x', createdAt: n });
        return true;
      });
    const created = await Promise.all([boot(store, 1), boot(peer, 2), boot(store, 3), boot(peer, 4)]);
    expect(created.filter(Boolean)).toHaveLength(1);
    expect(await store.read.sites.count()).toBe(1);
  });
});

describeEngines('IdentityStore', (ctx) => {
  const user = { externalId: 'u-1', name: 'Ada', email: 'ada@example.test' };

  it('adopts the anonymous visitor of this browser, then finds the linked one from anywhere', async () => {
    const { store, sql } = ctx();
    const { siteId, visitorId } = await seedSite(sql);
    const adopted = await store.unit((tx) => tx.identity.identifiedVisitor(siteId, user, visitorId, { now: 50, userAgent: 'UA1' }));
    expect(adopted).toBe(visitorId);
    const again = await store.unit((tx) => tx.identity.identifiedVisitor(siteId, { ...user, name: 'Ada L.', email: null }, null, { now: 60, userAgent: 'UA2' }));
    expect(again).toBe(visitorId);
    expect(await sql.one('select name, email, external_id, user_agent, last_seen_at from visitors where id = ?', [visitorId])).toEqual({
      name: 'Ada L.',
      email: 'ada@example.test',
      external_id: 'u-1',
      user_agent: 'UA2',
      last_seen_at: 60,
    });
  });

  it('makes a new visitor when the token’s visitor is someone else already', async () => {
    const { store, sql } = ctx();
    const { siteId, visitorId } = await seedSite(sql);
    await store.unit((tx) => tx.identity.identifiedVisitor(siteId, user, visitorId, { now: 1, userAgent: null }));
    const other = await store.unit((tx) => tx.identity.identifiedVisitor(siteId, { ...user, externalId: 'u-2' }, visitorId, { now: 2, userAgent: null }));
    expect(other).not.toBe(visitorId);
    expect(await sql.value('select external_id from visitors where id = ?', [other])).toBe('u-2');
  });

  it('links one visitor when a user’s first identifies arrive on two nodes at once', async () => {
    const { store, sql } = ctx();
    const peer = await ctx().peer();
    const { siteId } = await seedSite(sql);
    const ids = await Promise.all(Array.from({ length: 6 }, (_, i) => (i % 2 ? peer : store).unit((tx) => tx.identity.identifiedVisitor(siteId, user, null, { now: i, userAgent: null }))));
    expect(new Set(ids).size).toBe(1);
    expect(await sql.value("select count(*) from visitors where external_id = 'u-1'")).toBe(1);
    expect(await sql.value('select site_id from visitors where id = ?', [ids[0] as VisitorId])).toBe(siteId);
  });
});
