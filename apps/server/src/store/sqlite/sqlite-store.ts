import { latestMigrationMillis, type DbHandle, type HearthDb } from '@hearth/db';
import type { Store, StoreTx } from '../store.ts';
import { GroupCommit, type BatchObserver } from './group-commit.ts';
import { sqliteAdapters } from './adapters.ts';
import { FactHooks, type RecordedFact } from '../facts.ts';

/** One feature's SQLite implementation, built once per connection (`facts` is engine-neutral). */
export type SqliteAdapters = { [K in Exclude<keyof StoreTx, 'facts'>]: (db: HearthDb) => StoreTx[K] };

export interface SqliteStore extends Store {
  readonly engine: 'sqlite';
  /** The group commit every unit joins (shutdown flushes it). */
  readonly commits: GroupCommit;
}

/**
 * The embedded adapter: today's synchronous drizzle + better-sqlite3 code behind async store
 * functions. One connection serves reads and the group-commit writer alike, so the transaction
 * view and the read view are the same objects; nothing here ever waits on I/O.
 */
export function createSqliteStore(handle: DbHandle, onBatch?: BatchObserver): SqliteStore {
  const commits = new GroupCommit(handle.sqlite, onBatch);
  const hooks = new FactHooks();
  // Units of a batch run one after another, so the facts being recorded belong to `current`.
  let current: RecordedFact[] | null = null;
  const tx = bindAdapters(handle.db);
  tx.facts = hooks.recorder(
    () => tx,
    () => current,
  );
  const newestApplied = handle.sqlite.prepare('select max(created_at) as latest from __drizzle_migrations');
  const newestCommitted = latestMigrationMillis();
  return {
    engine: 'sqlite',
    commits,
    async unit(work) {
      const facts: RecordedFact[] = [];
      const result = await commits.run(async () => {
        current = facts;
        try {
          return await work(tx);
        } finally {
          current = null;
        }
      });
      hooks.committed(facts);
      return result;
    },
    read: tx,
    onFact: (topic, hook) => hooks.on(topic, hook),
    onCommitted: (listener) => hooks.onCommitted(listener),
    async ping() {
      const row = newestApplied.get() as { latest: number | string | null } | undefined;
      if (Number(row?.latest ?? 0) < newestCommitted) throw new Error('migrations have not all been applied');
    },
    async close() {
      await commits.close();
    },
  };
}

function bindAdapters(db: HearthDb): StoreTx {
  const tx = {} as Record<string, unknown>;
  for (const [key, build] of Object.entries(sqliteAdapters) as Array<[string, (db: HearthDb) => unknown]>) tx[key] = build(db);
  return tx as unknown as StoreTx;
}
