import { readFileSync } from 'node:fs';

/**
 * The newest committed SQLite migration, from drizzle-kit's journal. drizzle's migrator applies every
 * migration whose `when` is later than the newest `created_at` in `__drizzle_migrations`, so a
 * database is current when that `created_at` has reached this value (readiness checks it).
 */
export function latestMigrationMillis(): number {
  const journal = JSON.parse(readFileSync(new URL('../migrations/meta/_journal.json', import.meta.url), 'utf8')) as { entries: Array<{ when: number }> };
  return Math.max(0, ...journal.entries.map((entry) => entry.when));
}
