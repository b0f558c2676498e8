import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { Store } from '../store/store.ts';
import { BLOB_KEY, type BlobStore } from './blob-store.ts';

/** Bytes per `file_blobs` row: a 10 MB file is 40 rows; a read holds one part in memory at a time. */
export const BLOB_PART_BYTES = 256 * 1024;

/**
 * Blobs in the database (`file_blobs`, through the store seam, so it works on both engines; it is
 * the default on PostgreSQL, where every node of a cluster then sees every file). Parts are written
 * each in its own unit under a temporary key and renamed to the SHA-256 in a last unit
 * (FileBlobRowStore.commit): a reader never sees half a blob, and a crash leaves `tmp-` parts that
 * the sweep deletes.
 */
export function databaseBlobStore(store: Store): BlobStore {
  async function* partsOf(source: { path: string } | { data: Buffer }): AsyncGenerator<Buffer> {
    if ('data' in source) {
      for (let i = 0; i < source.data.length; i += BLOB_PART_BYTES) yield source.data.subarray(i, i + BLOB_PART_BYTES);
      return;
    }
    for await (const chunk of createReadStream(source.path, { highWaterMark: BLOB_PART_BYTES })) yield chunk as Buffer;
  }

  return {
    kind: 'database',
    async put(source) {
      const tempKey = `tmp-${randomUUID()}`;
      const hash = createHash('sha256');
      let size = 0;
      let part = 0;
      try {
        for await (const chunk of partsOf(source)) {
          hash.update(chunk);
          size += chunk.length;
          const index = part++;
          // Copied: a subarray of a pooled read buffer must not change under the driver.
          const data = Buffer.from(chunk);
          await store.unit((tx) => tx.fileBlobs.putPart(tempKey, index, data, Date.now()));
        }
        const key = hash.digest('hex');
        await store.unit((tx) => tx.fileBlobs.commit(tempKey, key, Date.now()));
        return { key, size };
      } catch (error) {
        await store.unit((tx) => tx.fileBlobs.delete(tempKey)).catch(() => undefined);
        throw error;
      }
    },
    async open(key) {
      if (!BLOB_KEY.test(key) || key.startsWith('tmp-')) return null;
      const first = await store.read.fileBlobs.readPart(key, 0);
      if (!first) return null;
      return Readable.from(
        (async function* () {
          yield first;
          for (let part = 1; ; part++) {
            const data = await store.read.fileBlobs.readPart(key, part);
            if (!data) return;
            yield data;
          }
        })(),
      );
    },
    async delete(key) {
      await store.unit((tx) => tx.fileBlobs.delete(key));
    },
    list: (after, limit) => store.read.fileBlobs.keys(after, limit),
  };
}
