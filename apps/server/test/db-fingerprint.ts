import { createHash } from 'node:crypto';
import type { Harness } from './harness.ts';

/**
 * A hash of every row of every table (migrations bookkeeping aside): equal fingerprints before and
 * after a rejected input prove it changed nothing, updates included, not just row counts.
 */
export function dbFingerprint(h: Harness): string {
  const sqlite = h.app.sqlite.sqlite;
  const tables = sqlite
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name")
    .all() as Array<{ name: string }>;
  const hash = createHash('sha256');
  for (const { name } of tables) {
    hash.update(name);
    for (const row of sqlite.prepare(`select * from "${name}"`).raw().iterate()) hash.update(JSON.stringify(row));
  }
  return hash.digest('hex');
}
