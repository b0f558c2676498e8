import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, stat, unlink, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BLOB_KEY, type BlobStore } from './blob-store.ts';

/**
 * Blobs as files: `<root>/<first two hex digits>/<sha256>`, written as `<root>/tmp/<uuid>`, fsynced,
 * renamed into place, and the directory fsynced, so a crash leaves either the whole blob or a
 * temporary file the sweep deletes. The root is created on first write (a server that never
 * receives a file never creates it).
 */
export function dirBlobStore(root: string): BlobStore {
  const tmpDir = join(root, 'tmp');
  const pathOf = (key: string) => join(root, key.slice(0, 2), key);

  async function fsyncPath(path: string): Promise<void> {
    const handle = await open(path, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  async function place(tmp: string, key: string): Promise<void> {
    const dir = join(root, key.slice(0, 2));
    await mkdir(dir, { recursive: true });
    const target = pathOf(key);
    const existing = await stat(target).catch(() => null);
    if (existing) {
      // The same bytes are stored already (content addressing): keep the one copy, dated now so the
      // sweep does not take it for old garbage before the new row naming it commits.
      await unlink(tmp);
      const now = new Date();
      await utimes(target, now, now);
      return;
    }
    await fsyncPath(tmp);
    await rename(tmp, target);
    await fsyncPath(dir);
  }

  return {
    kind: 'dir',
    async put(source) {
      await mkdir(tmpDir, { recursive: true });
      const tmp = join(tmpDir, randomUUID());
      const hash = createHash('sha256');
      let size = 0;
      try {
        if ('data' in source) {
          hash.update(source.data);
          size = source.data.length;
          const handle = await open(tmp, 'wx');
          try {
            await handle.writeFile(source.data);
          } finally {
            await handle.close();
          }
        } else {
          // Copy rather than rename the spooled upload: it may be on another file system.
          await pipeline(
            createReadStream(source.path),
            async function* (chunks: AsyncIterable<Buffer>) {
              for await (const chunk of chunks) {
                hash.update(chunk);
                size += chunk.length;
                yield chunk;
              }
            },
            createWriteStream(tmp, { flags: 'wx' }),
          );
        }
        const key = hash.digest('hex');
        await place(tmp, key);
        return { key, size };
      } catch (error) {
        await unlink(tmp).catch(() => undefined);
        throw error;
      }
    },
    async open(key) {
      if (!BLOB_KEY.test(key) || key.startsWith('tmp-')) return null;
      const path = pathOf(key);
      if (!(await stat(path).catch(() => null))) return null;
      return createReadStream(path) as Readable;
    },
    async delete(key) {
      if (!BLOB_KEY.test(key)) return;
      const path = key.startsWith('tmp-') ? join(tmpDir, key.slice(4)) : pathOf(key);
      await unlink(path).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
    },
    async list(after, limit) {
      const entries: Array<{ key: string; createdAt: number }> = [];
      const dirs = (await readdir(root).catch(() => [] as string[])).sort();
      for (const dir of dirs) {
        const isTmp = dir === 'tmp';
        if (!isTmp && !/^[0-9a-f]{2}$/.test(dir)) continue;
        for (const name of (await readdir(join(root, dir)).catch(() => [] as string[])).sort()) {
          const key = isTmp ? `tmp-${name}` : name;
          if (!BLOB_KEY.test(key) || key <= after) continue;
          const info = await stat(join(root, dir, name)).catch(() => null);
          if (info) entries.push({ key, createdAt: Math.floor(info.mtimeMs) });
        }
      }
      return entries.sort((a, b) => (a.key < b.key ? -1 : 1)).slice(0, limit);
    },
  };
}
