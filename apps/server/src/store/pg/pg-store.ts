import type { HearthPgDb, PgHandle } from '@hearth/db';
import type { Store, StoreTx, UnitOptions } from '../store.ts';
import { pgAdapters } from './adapters.ts';
import { FactHooks, type RecordedFact } from '../facts.ts';
import { isRetryable, retryDelayMs } from './retry.ts';

/**
 * One feature's PostgreSQL implementation, built on the pool (reads) or on a unit's transaction
 * (`facts` is engine-neutral: store/facts.ts).
 */
export type PgAdapters = { [K in Exclude<keyof StoreTx, 'facts'>]: (db: HearthPgDb) => StoreTx[K] };

export interface PgStore extends Store {
  readonly engine: 'pg';
  readonly handle: PgHandle;
}

/** Observers of the PostgreSQL store, for metrics and tests. */
export interface PgStoreObservers {
  /** A unit's attempt failed with a retryable error and is re-run (`attempt` counts from 1). */
  onRetry?: (attempt: number, error: unknown) => void;
}

const DEFAULT_RETRIES = 3;

/**
 * The cluster adapter: drizzle pg-core over a `pg` pool. A unit is one transaction on one pooled
 * connection (READ COMMITTED; store functions take the row and advisory locks their decisions
 * need), committed with `synchronous_commit=on` before the unit resolves. A unit that fails with a
 * serialization failure, deadlock, lock timeout or unique violation is rolled back and re-run
 * whole, up to `retries` more times; so `work` must have no effect outside `tx`.
 */
export function createPgStore(handle: PgHandle, observers: PgStoreObservers = {}): PgStore {
  let closed = false;
  const hooks = new FactHooks();
  const read = bindAdapters(handle.db);
  // Reads record no facts: a fact belongs to the unit that made it true.
  read.facts = hooks.recorder(
    () => read,
    () => null,
  );
  return {
    engine: 'pg',
    handle,
    read,
    async unit<T>(work: (tx: StoreTx) => Promise<T>, options: UnitOptions = {}): Promise<T> {
      if (closed) throw new Error('store is closed');
      const retries = options.retries ?? DEFAULT_RETRIES;
      for (let attempt = 0; ; attempt++) {
        // A failed attempt's facts are dropped with its transaction; only the committed attempt's are heard.
        const facts: RecordedFact[] = [];
        let result: T;
        try {
          result = await handle.db.transaction((db) => {
            const tx = bindAdapters(db);
            tx.facts = hooks.recorder(
              () => tx,
              () => facts,
            );
            return work(tx);
          });
        } catch (error) {
          if (attempt >= retries || !isRetryable(error)) throw error;
          observers.onRetry?.(attempt + 1, error);
          await new Promise((resolve) => setTimeout(resolve, retryDelayMs(attempt)));
          continue;
        }
        hooks.committed(facts);
        return result;
      }
    },
    onFact: (topic, hook) => hooks.on(topic, hook),
    onCommitted: (listener) => hooks.onCommitted(listener),
    ping: () => handle.ping(),
    async close() {
      closed = true;
      // pool.end() waits for checked-out connections: running units commit first.
      await handle.close();
    },
  };
}

/**
 * The StoreTx a unit (or the pool) sees. Each feature's store is built on first use, so a unit that
 * touches two features builds two, not all of them.
 */
function bindAdapters(db: HearthPgDb): StoreTx {
  const tx = {} as Record<string, unknown>;
  for (const [key, build] of Object.entries(pgAdapters) as Array<[string, (db: HearthPgDb) => unknown]>) {
    Object.defineProperty(tx, key, {
      configurable: true,
      enumerable: true,
      get() {
        const value = build(db);
        Object.defineProperty(tx, key, { value, enumerable: true });
        return value;
      },
    });
  }
  return tx as unknown as StoreTx;
}
