/**
 * A store whose PostgreSQL twin is not written yet (the SQLite one landed first, so other work can
 * build on the interface): every call rejects with an error naming the function, instead of the
 * type check failing for the whole team. The pg adapter replaces each with `store/pg/<feature>.ts`.
 */
export function pendingOnPg<T extends object>(feature: string): T {
  return new Proxy({} as T, {
    get(_target, fn) {
      // Not a thenable: awaiting the store object itself must not call into the proxy.
      if (typeof fn !== 'string' || fn === 'then') return undefined;
      return async () => {
        throw new Error(`${feature}.${fn} has no PostgreSQL implementation yet`);
      };
    },
  });
}
