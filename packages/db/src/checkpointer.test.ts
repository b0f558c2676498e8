import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './client.ts';
import { startCheckpointer } from './checkpointer.ts';

describe('background checkpointer', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('turns off checkpoints in commits and copies the WAL into the database file from a worker', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hearth-checkpoint-'));
    dirs.push(dir);
    const file = join(dir, 'test.db');
    const handle = openDatabase(file);
    // A long interval: only the final checkpoint on stop() runs during this test.
    const checkpointer = startCheckpointer(handle, file, 60_000);
    expect(handle.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(0);

    handle.sqlite.exec('create table blob_test (body text)');
    const insert = handle.sqlite.prepare('insert into blob_test (body) values (?)');
    handle.sqlite.transaction(() => {
      for (let i = 0; i < 2_000; i++) insert.run('x'.repeat(1_000));
    })();
    const before = statSync(file).size;
    expect(statSync(file + '-wal').size).toBeGreaterThan(2_000_000);

    await checkpointer.stop();
    expect(statSync(file).size).toBeGreaterThan(before + 1_500_000);
    expect(handle.sqlite.prepare('select count(*) as n from blob_test').get()).toEqual({ n: 2_000 });
    handle.close();
  });

  it('leaves an in-memory database as it is', async () => {
    const handle = openDatabase(':memory:');
    await startCheckpointer(handle, ':memory:').stop();
    expect(handle.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    handle.close();
  });
});
