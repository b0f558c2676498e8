import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type DbHandle } from '@hearth/db';
import { createSqliteStore, type SqliteStore } from './sqlite/sqlite-store.ts';
import type { RecordedFact } from './facts.ts';

declare module './facts.ts' {
  interface Facts {
    'test.happened': { key: string };
  }
}

let handle: DbHandle;
let store: SqliteStore;
afterEach(async () => {
  await store.close();
  handle.close();
});

function setup() {
  handle = openDatabase(':memory:');
  store = createSqliteStore(handle);
  // An in-transaction reaction: schedules a job beside the fact.
  store.onFact('test.happened', async (tx, fact) => tx.jobs.schedule({ kind: 'test.react', key: fact.key, dueAt: 0 }));
  const committed: RecordedFact[] = [];
  store.onCommitted((facts) => committed.push(...facts));
  return committed;
}

describe('facts', () => {
  it('runs in-transaction hooks in the recording unit and tells post-commit listeners after COMMIT', async () => {
    const committed = setup();
    let seenBeforeCommit = -1;
    await store.unit(async (tx) => {
      await tx.facts.record('test.happened', { key: 'a' });
      seenBeforeCommit = committed.length;
    });
    expect(seenBeforeCommit).toBe(0);
    expect(committed).toEqual([{ topic: 'test.happened', fact: { key: 'a' } }]);
    expect(await store.read.jobs.find('test.react', 'a')).not.toBeNull();
  });

  it('a unit that fails after recording leaves neither the reaction nor the fact, and its neighbours keep theirs', async () => {
    const committed = setup();
    const results = await Promise.allSettled([
      store.unit(async (tx) => {
        await tx.facts.record('test.happened', { key: 'lost' });
        throw new Error('rule says no');
      }),
      store.unit((tx) => tx.facts.record('test.happened', { key: 'kept' })),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled']);
    expect(committed.map((f) => f.fact)).toEqual([{ key: 'kept' }]);
    expect(await store.read.jobs.find('test.react', 'lost')).toBeNull();
    expect(await store.read.jobs.find('test.react', 'kept')).not.toBeNull();
  });

  it('refuses a fact recorded outside a unit', async () => {
    setup();
    await expect(store.read.facts.record('test.happened', { key: 'x' })).rejects.toThrow(/outside a unit/);
  });
});
