import type { SQL } from 'drizzle-orm';
import type { HearthPgDb } from '@hearth/db';

/** bigint (count(*), sums of epoch ms) and numeric (avg, sum): numbers, as SQLite returns them. */
const INT8 = 20;
const NUMERIC = 1700;

/**
 * The rows of a hand-written query (reports, search, counts): column aliases are the row's keys
 * (quote camelCase ones; PostgreSQL folds the rest). drizzle parses bigint and numeric as strings
 * whatever the pool says, so they are turned into numbers here (every such figure fits a double).
 * The shape is the query author's promise, as with `db.all<T>` on SQLite.
 */
export async function rawRows<T>(db: HearthPgDb, query: SQL): Promise<T[]> {
  const result = await db.execute(query);
  const numeric = result.fields.filter((f) => f.dataTypeID === INT8 || f.dataTypeID === NUMERIC).map((f) => f.name);
  if (numeric.length > 0) {
    for (const row of result.rows as Array<Record<string, unknown>>) {
      for (const name of numeric) if (typeof row[name] === 'string') row[name] = Number(row[name]);
    }
  }
  return result.rows as T[];
}
