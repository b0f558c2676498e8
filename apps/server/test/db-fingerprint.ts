import { createHash } from 'node:crypto';
import type { Harness } from './harness.ts';

/**
 * A hash of every row of every table (migrations bookkeeping aside): equal fingerprints before and
 * after a rejected input prove it changed nothing, updates included, not just row counts.
 */
export async function dbFingerprint(h: Harness): Promise<string> {
  const hash = createHash('sha256');
  for (const name of await h.tables()) {
    hash.update(name);
    for (const row of await h.rowsOf(name)) hash.update(row);
  }
  return hash.digest('hex');
}
