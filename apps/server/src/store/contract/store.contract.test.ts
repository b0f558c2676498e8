import { expect, it } from 'vitest';
import { describeEngines } from './engines.ts';
import { seedConversation, seedSite } from './fixtures.ts';

/** What every adapter's `unit`, `read` and `ping` promise (store/store.ts). */
describeEngines('Store', (ctx) => {
  it('resolves a unit with its result after commit; reads see it', async () => {
    const { store, sql } = ctx();
    const { siteId, visitorId } = await seedSite(sql);
    await seedConversation(sql, siteId, visitorId, 'c1');
    const added = await store.unit((tx) => tx.notes.add({ agentId: 'agent-a' as never, agentName: 'A', siteIds: [siteId], conversationId: 'c1' as never, clientId: 'n1', body: 'hi', now: 5 }));
    expect(added).toMatchObject({ ok: true, duplicate: false });
    expect(await store.read.notes.listOf('c1' as never)).toHaveLength(1);
  });

  it('rolls back everything a failing unit wrote, and rejects with its error', async () => {
    const { store, sql } = ctx();
    const { siteId, visitorId } = await seedSite(sql);
    await seedConversation(sql, siteId, visitorId, 'c1');
    const refusal = new Error('a domain rule says no');
    await expect(
      store.unit(async (tx) => {
        await tx.jobs.schedule({ kind: 'k', key: 'x', dueAt: 1 });
        await tx.notes.add({ agentId: 'agent-a' as never, agentName: 'A', siteIds: [siteId], conversationId: 'c1' as never, clientId: 'n1', body: 'hi', now: 5 });
        throw refusal;
      }),
    ).rejects.toBe(refusal);
    expect(await sql.value('select count(*) from conversation_notes')).toBe(0);
    expect(await store.read.jobs.find('k', 'x')).toBeNull();
  });

  it('keeps concurrent units apart: one failing does not undo the others', async () => {
    const { store } = ctx();
    const results = await Promise.allSettled(
      [0, 1, 2, 3].map((i) =>
        store.unit(async (tx) => {
          await tx.jobs.schedule({ kind: 'k', key: `j${i}`, dueAt: i });
          if (i === 2) throw new Error('no');
          return i;
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(await Promise.all([0, 1, 2, 3].map(async (i) => (await store.read.jobs.find('k', `j${i}`)) !== null))).toEqual([true, true, false, true]);
  });

  it('re-runs a whole unit after a serialization failure on PostgreSQL, never after a domain error', async () => {
    const { store, engine } = ctx();
    let runs = 0;
    const raced = store.unit(async (tx) => {
      runs++;
      await tx.jobs.schedule({ kind: 'k', key: `run${runs}`, dueAt: 1 });
      if (runs === 1) throw Object.assign(new Error('could not serialize access'), { code: '40001' });
      return runs;
    });
    if (engine === 'pg') {
      await expect(raced).resolves.toBe(2);
      // The first attempt's write was rolled back with it.
      expect(await store.read.jobs.find('k', 'run1')).toBeNull();
      expect(await store.read.jobs.find('k', 'run2')).not.toBeNull();
      expect(ctx().retries).toBe(1);
    } else {
      // One writer on SQLite: nothing races, so nothing is retried.
      await expect(raced).rejects.toThrow(/serialize/);
    }
    runs = 0;
    await expect(
      store.unit(async () => {
        runs++;
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(runs).toBe(1);
  });

  it('gives up after `retries` re-runs and rejects with the last error', async () => {
    const { store, engine } = ctx();
    let runs = 0;
    await expect(
      store.unit(
        async () => {
          runs++;
          throw Object.assign(new Error('deadlock detected'), { code: '40P01' });
        },
        { retries: 2 },
      ),
    ).rejects.toThrow('deadlock');
    expect(runs).toBe(engine === 'pg' ? 3 : 1);
  });

  it('answers ping once migrations are applied', async () => {
    await expect(ctx().store.ping()).resolves.toBeUndefined();
  });
});

declare module '../facts.ts' {
  interface Facts {
    /** Only the contract suite records this topic. */
    'contract.probe': { key: string };
  }
}

describeEngines('Store facts', (ctx) => {
  it('hands a committed unit’s facts to listeners once, after COMMIT; a failed or retried attempt’s never', async () => {
    const { store, engine } = ctx();
    const heard: string[] = [];
    store.onCommitted((facts) => heard.push(...facts.map((f) => (f.topic === 'contract.probe' ? f.fact.key : '?'))));
    // An in-transaction hook writes with the fact, and is undone with it.
    store.onFact('contract.probe', (tx, fact) => tx.jobs.schedule({ kind: 'follow-up', key: fact.key, dueAt: 0 }));
    await store.unit(async (tx) => {
      await tx.facts.record('contract.probe', { key: 'kept' });
      expect(heard).toEqual([]);
    });
    expect(heard).toEqual(['kept']);
    await expect(
      store.unit(async (tx) => {
        await tx.facts.record('contract.probe', { key: 'undone' });
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    let runs = 0;
    await store
      .unit(async (tx) => {
        runs++;
        await tx.facts.record('contract.probe', { key: `attempt${runs}` });
        if (runs === 1) throw Object.assign(new Error('deadlock detected'), { code: '40P01' });
      })
      .catch(() => {});
    expect(heard).toEqual(engine === 'pg' ? ['kept', 'attempt2'] : ['kept']);
    expect(await store.read.jobs.find('follow-up', 'kept')).not.toBeNull();
    expect(await store.read.jobs.find('follow-up', 'undone')).toBeNull();
    expect(await store.read.jobs.find('follow-up', 'attempt1')).toBeNull();
    await expect(store.read.facts.record('contract.probe', { key: 'outside' })).rejects.toThrow(/outside a unit/);
  });
});
