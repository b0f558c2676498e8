import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openEngine } from '../store/contract/engines.ts';
import type { BlobStore } from './blob-store.ts';
import { BLOB_PART_BYTES, databaseBlobStore } from './database-blob-store.ts';
import { dirBlobStore } from './dir-blob-store.ts';

/** The blob store contract, run for real against a directory and against both database engines. */
describe.each(['dir', 'database:sqlite', 'database:pg'] as const)('BlobStore [%s]', (kind) => {
  let blobs: BlobStore;
  let work: string;
  let close: () => Promise<void>;
  beforeEach(async () => {
    work = await mkdtemp(join(tmpdir(), 'hearth-blobs-'));
    if (kind === 'dir') {
      blobs = dirBlobStore(join(work, 'files'));
      close = async () => undefined;
    } else {
      const engine = await openEngine(kind === 'database:pg' ? 'pg' : 'sqlite');
      blobs = databaseBlobStore(engine.store);
      close = engine.close;
    }
  });
  afterEach(async () => {
    await close();
    await rm(work, { recursive: true, force: true });
  });

  const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');

  it('stores bytes under their SHA-256, from a buffer or a spooled file of several parts, and streams them back', async () => {
    const small = Buffer.from('hello');
    expect(await blobs.put({ data: small })).toEqual({ key: sha(small), size: 5 });
    const big = Buffer.alloc(BLOB_PART_BYTES * 2 + 17);
    for (let i = 0; i < big.length; i++) big[i] = (i * 7) % 251;
    const path = join(work, 'upload');
    await writeFile(path, big);
    expect(await blobs.put({ path })).toEqual({ key: sha(big), size: big.length });
    expect((await buffer((await blobs.open(sha(big)))!)).equals(big)).toBe(true);
    expect((await buffer((await blobs.open(sha(small)))!)).toString()).toBe('hello');
    expect(await blobs.open('0'.repeat(64))).toBeNull();
    expect(await blobs.open('../../etc/passwd')).toBeNull();
  });

  it('keeps one copy of the same bytes, lists keys in order, deletes', async () => {
    const a = Buffer.from('same bytes');
    const b = Buffer.from('other bytes');
    await blobs.put({ data: a });
    await blobs.put({ data: a });
    await blobs.put({ data: b });
    const keys = (await blobs.list('', 10)).map((e) => e.key);
    expect(keys).toEqual([sha(a), sha(b)].sort());
    expect((await blobs.list(keys[0]!, 10)).map((e) => e.key)).toEqual([keys[1]]);
    expect((await blobs.list('', 10)).every((e) => Math.abs(e.createdAt - Date.now()) < 60_000)).toBe(true);
    await blobs.delete(sha(a));
    await blobs.delete(sha(a));
    expect(await blobs.open(sha(a))).toBeNull();
    expect((await blobs.list('', 10)).map((e) => e.key)).toEqual([sha(b)]);
    if (kind === 'dir') expect(await readdir(join(work, 'files', 'tmp'))).toEqual([]);
  });

  it('leaves nothing behind when the source fails halfway', async () => {
    await expect(blobs.put({ path: join(work, 'missing') })).rejects.toThrow();
    expect(await blobs.list('', 10)).toEqual([]);
  });
});
