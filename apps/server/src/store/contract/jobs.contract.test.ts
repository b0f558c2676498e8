import { expect, it } from 'vitest';
import { describeEngines } from './engines.ts';
import { seedSite } from './fixtures.ts';

const LEASE = 60_000;

describeEngines('JobStore', (ctx) => {
  it('schedules one row per (kind, key); scheduling again moves it, resets attempts and frees its lease', async () => {
    const { store, sql } = ctx();
    const { siteId } = await seedSite(sql);
    await store.unit((tx) => tx.jobs.schedule({ kind: 'accept', key: 'c1', siteId, payload: { n: 1 }, dueAt: 100 }));
    expect(await store.read.jobs.find('accept', 'c1')).toMatchObject({ kind: 'accept', key: 'c1', siteId, payload: { n: 1 }, dueAt: 100, attempts: 0 });
    const [claimed] = await store.unit((tx) => tx.jobs.claimDue({ kinds: ['accept'], now: 100, limit: 10, leaseMs: LEASE }));
    await store.unit((tx) => tx.jobs.retry(claimed!.id, claimed!.lease, 150, 'boom'));
    expect(await store.read.jobs.find('accept', 'c1')).toMatchObject({ attempts: 1, dueAt: 150 });
    await store.unit((tx) => tx.jobs.claimDue({ kinds: ['accept'], now: 150, limit: 10, leaseMs: LEASE }));
    await store.unit((tx) => tx.jobs.schedule({ kind: 'accept', key: 'c1', siteId, payload: { n: 2 }, dueAt: 500 }));
    expect(await store.read.jobs.find('accept', 'c1')).toMatchObject({ payload: { n: 2 }, dueAt: 500, attempts: 0 });
    expect(await sql.value('select count(*) from jobs')).toBe(1);
    // The moved job is free again: due at 500, claimable by anyone then.
    expect(await store.unit((tx) => tx.jobs.claimDue({ kinds: ['accept'], now: 500, limit: 10, leaseMs: LEASE }))).toHaveLength(1);
  });

  it('cancels by (kind, key), telling whether there was one', async () => {
    const { store } = ctx();
    await store.unit((tx) => tx.jobs.schedule({ kind: 'grace', key: 'v1', dueAt: 1 }));
    expect(await store.unit((tx) => tx.jobs.cancel('grace', 'v1'))).toBe(true);
    expect(await store.unit((tx) => tx.jobs.cancel('grace', 'v1'))).toBe(false);
    expect(await store.read.jobs.find('grace', 'v1')).toBeNull();
  });

  it('claims due jobs of the given kinds only, oldest first, up to the limit, and leases them', async () => {
    const { store } = ctx();
    await store.unit(async (tx) => {
      for (const [key, dueAt] of [['late', 300], ['b', 20], ['a', 10], ['c', 30]] as const) await tx.jobs.schedule({ kind: 'accept', key, dueAt });
      await tx.jobs.schedule({ kind: 'other', key: 'o', dueAt: 0 });
    });
    const first = await store.unit((tx) => tx.jobs.claimDue({ kinds: ['accept'], now: 100, limit: 2, leaseMs: LEASE }));
    expect(first.map((j) => j.key)).toEqual(['a', 'b']);
    expect(new Set(first.map((j) => j.lease)).size).toBe(1);
    expect(first[0]!.lease).not.toBe('');
    // Leased jobs are not claimed again until the lease runs out.
    const second = await store.unit((tx) => tx.jobs.claimDue({ kinds: ['accept'], now: 100, limit: 10, leaseMs: LEASE }));
    expect(second.map((j) => j.key)).toEqual(['c']);
    expect(await store.unit((tx) => tx.jobs.claimDue({ kinds: ['accept'], now: 100, limit: 10, leaseMs: LEASE }))).toEqual([]);
    const afterLease = await store.unit((tx) => tx.jobs.claimDue({ kinds: ['accept'], now: 100 + LEASE, limit: 10, leaseMs: LEASE }));
    expect(afterLease.map((j) => j.key)).toEqual(['a', 'b', 'c', 'late']);
    expect(await store.unit((tx) => tx.jobs.claimDue({ kinds: [], now: 1e15, limit: 10, leaseMs: LEASE }))).toEqual([]);
  });

  it('finishes or retries a job only with the lease that holds it', async () => {
    const { store } = ctx();
    await store.unit((tx) => tx.jobs.schedule({ kind: 'mail', key: 'm', dueAt: 0 }));
    const [stale] = await store.unit((tx) => tx.jobs.claimDue({ kinds: ['mail'], now: 0, limit: 1, leaseMs: 10 }));
    // The lease expired and another node claimed the job: the first holder's finish and retry do nothing.
    const [fresh] = await store.unit((tx) => tx.jobs.claimDue({ kinds: ['mail'], now: 10, limit: 1, leaseMs: LEASE }));
    await store.unit(async (tx) => {
      await tx.jobs.finish(stale!.id, stale!.lease);
      await tx.jobs.retry(stale!.id, stale!.lease, 999, 'stale');
    });
    expect(await store.read.jobs.find('mail', 'm')).toMatchObject({ attempts: 0, dueAt: 0 });
    await store.unit((tx) => tx.jobs.retry(fresh!.id, fresh!.lease, 50, 'x'.repeat(5000)));
    expect(await store.read.jobs.find('mail', 'm')).toMatchObject({ attempts: 1, dueAt: 50 });
    expect(((await ctx().sql.value<string>('select last_error from jobs')) ?? '').length).toBe(1000);
    const [again] = await store.unit((tx) => tx.jobs.claimDue({ kinds: ['mail'], now: 50, limit: 1, leaseMs: LEASE }));
    expect(again).toMatchObject({ attempts: 1 });
    await store.unit((tx) => tx.jobs.finish(again!.id, again!.lease));
    expect(await store.read.jobs.find('mail', 'm')).toBeNull();
  });

  it('tells the next due time among kinds, a leased job counting from its lease end', async () => {
    const { store } = ctx();
    expect(await store.read.jobs.nextDueAt(['a'])).toBeNull();
    expect(await store.read.jobs.nextDueAt([])).toBeNull();
    await store.unit(async (tx) => {
      await tx.jobs.schedule({ kind: 'a', key: '1', dueAt: 100 });
      await tx.jobs.schedule({ kind: 'a', key: '2', dueAt: 200 });
      await tx.jobs.schedule({ kind: 'b', key: '3', dueAt: 50 });
    });
    expect(await store.read.jobs.nextDueAt(['a'])).toBe(100);
    expect(await store.read.jobs.nextDueAt(['a', 'b'])).toBe(50);
    await store.unit((tx) => tx.jobs.claimDue({ kinds: ['a'], now: 150, limit: 1, leaseMs: 1000 }));
    expect(await store.read.jobs.nextDueAt(['a'])).toBe(200);
  });

  it('hands a corrupt payload to the handler as null instead of failing the claim', async () => {
    const { store, sql } = ctx();
    await sql.all("insert into jobs (id, kind, key, payload, due_at, created_at) values ('j', 'k', 'x', 'not json', 0, 0)");
    const [job] = await store.unit((tx) => tx.jobs.claimDue({ kinds: ['k'], now: 0, limit: 1, leaseMs: LEASE }));
    expect(job).toMatchObject({ key: 'x', payload: null });
  });

  it('never gives one job to two nodes claiming at once', async () => {
    const { store } = ctx();
    const peer = await ctx().peer();
    await store.unit(async (tx) => {
      for (let i = 0; i < 40; i++) await tx.jobs.schedule({ kind: 'k', key: `j${i}`, dueAt: i });
    });
    const claims = await Promise.all(
      Array.from({ length: 8 }, (_, i) => (i % 2 ? peer : store).unit((tx) => tx.jobs.claimDue({ kinds: ['k'], now: 100, limit: 7, leaseMs: LEASE }))),
    );
    const keys = claims.flat().map((j) => j.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBe(40);
  });
});
