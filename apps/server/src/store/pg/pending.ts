import type { HearthPgDb } from '@hearth/db';

/**
 * A feature store whose PostgreSQL twin is not written yet (the SQLite one is): every call rejects
 * with an error naming the function, so the gap is loud in PostgreSQL mode and listed in
 * adapters.ts instead of hidden. Replace each use with the real twin (store/pg/<feature>.ts).
 */
export function notYetOnPostgres<T extends object>(feature: string): (db: HearthPgDb) => T {
  const store = new Proxy({} as T, {
    get(_target, fn) {
      // Not a thenable: `await tx.x` must not call a stub.
      if (typeof fn !== 'string' || fn === 'then') return undefined;
      return async () => {
        throw new Error(`${feature}.${fn} has no PostgreSQL implementation yet`);
      };
    },
  });
  return () => store;
}
