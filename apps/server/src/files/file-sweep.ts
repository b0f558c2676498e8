import type { Store } from '../store/store.ts';
import type { BlobStore } from './blob-store.ts';

export interface SweepDeps {
  store: Store;
  blobs: BlobStore;
  /** An unsent upload older than this is deleted, in ms. */
  graceMs: number;
}

/** Bytes younger than this are never swept: their row may be about to commit (upload in progress). */
const MAX_SAFETY_MS = 10 * 60_000;
const PAGE = 500;

/**
 * Deletes uploads no message named within the grace period, then every blob no file row names
 * (an erased site or visitor, a swept upload, a write interrupted before its row). Idempotent: it
 * runs as the `files.sweep` job, on any node, at least once per period.
 */
export async function sweepFiles({ store, blobs, graceMs }: SweepDeps, now = Date.now()): Promise<{ files: number; blobs: number }> {
  let files = 0;
  for (let n = PAGE; n === PAGE; ) {
    n = await store.unit((tx) => tx.files.deleteUnattached(now - graceMs, PAGE));
    files += n;
  }
  const safeBefore = now - Math.min(graceMs, MAX_SAFETY_MS);
  let deleted = 0;
  for (let after = ''; ; ) {
    const page = await blobs.list(after, PAGE);
    if (page.length === 0) break;
    after = page[page.length - 1]!.key;
    const old = page.filter((b) => b.createdAt < safeBefore);
    const referenced = await store.read.files.referencedKeys(old.filter((b) => !b.key.startsWith('tmp-')).map((b) => b.key));
    for (const blob of old) {
      if (referenced.has(blob.key)) continue;
      await blobs.delete(blob.key);
      deleted++;
    }
  }
  return { files, blobs: deleted };
}
