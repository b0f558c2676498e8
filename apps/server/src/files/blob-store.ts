import type { Readable } from 'node:stream';

/**
 * Where the bytes of files live, behind one small interface with two implementations:
 * - `dir` (dir-blob-store.ts, the default with SQLite): a directory under DATA_DIR, one file per
 *   blob named by its SHA-256, written to a temporary name, fsynced, then renamed;
 * - `database` (database-blob-store.ts, the default with PostgreSQL): the `file_blobs` table, so
 *   every node of a cluster serves every file and `pg_dump` backs them up with the rest.
 *
 * Blobs are content-addressed and immutable: the same bytes uploaded twice are stored once, and a
 * key is only ever deleted by the sweep (files/file-sweep.ts) once no file row names it.
 */
export interface BlobStore {
  readonly kind: 'dir' | 'database';
  /**
   * Stores the bytes of the local file at `path` (the upload's spooled copy; the caller deletes it
   * afterwards) or of `data`. Resolves with their key (SHA-256, hex) once they are durable.
   */
  put(source: { path: string } | { data: Buffer }): Promise<{ key: string; size: number }>;
  /** The bytes as a stream, or null if the key is unknown. */
  open(key: string): Promise<Readable | null>;
  /** Deletes the blob (no error when it is already gone). */
  delete(key: string): Promise<void>;
  /**
   * Keys in key order after `after`, at most `limit`, with when they were written (epoch ms): the
   * sweep walks them to find blobs no row names. Temporary blobs of interrupted writes are listed
   * too (their keys start with `tmp-`).
   */
  list(after: string, limit: number): Promise<Array<{ key: string; createdAt: number }>>;
}

/** Blob keys are lower-case SHA-256 hex, or `tmp-` and a UUID while being written. */
export const BLOB_KEY = /^(?:[0-9a-f]{64}|tmp-[0-9a-f-]{36})$/;
