import type { HearthDb } from './client.ts';

/**
 * Statements for a hot path, prepared once per database connection. Building SQL through the
 * query builder costs 50–200 µs per call here (measured in bench/), more than running it;
 * a prepared statement with placeholders runs in a few µs.
 *
 * @example
 * const statements = preparedStatements((db) => ({ byId: db.select().from(t).where(eq(t.id, sql.placeholder('id'))).prepare() }));
 * statements(db).byId.get({ id });
 */
export function preparedStatements<T>(build: (db: HearthDb) => T): (db: HearthDb) => T {
  const cache = new WeakMap<HearthDb, T>();
  return (db) => {
    let statements = cache.get(db);
    if (!statements) cache.set(db, (statements = build(db)));
    return statements;
  };
}
