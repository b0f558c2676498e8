import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type DbHandle } from '@hearth/db';
import { GroupCommit } from './group-commit.ts';

let handle: DbHandle;
afterEach(() => handle.close());

describe('GroupCommit', () => {
  it('runs everything asked in one turn as one transaction, and a failing unit rolls back only itself', async () => {
    handle = openDatabase(':memory:');
    const { sqlite } = handle;
    sqlite.exec('create table t (k text primary key)');
    const commits = new GroupCommit(sqlite);
    let ranOutsideTransaction = false;
    const insert = (k: string) => () => {
      ranOutsideTransaction ||= !sqlite.inTransaction;
      sqlite.prepare('insert into t (k) values (?)').run(k);
      return k;
    };
    const results = await Promise.allSettled([
      commits.run(insert('a')),
      commits.run(() => {
        sqlite.prepare('insert into t (k) values (?)').run('half-written');
        throw new Error('domain rule says no');
      }),
      commits.run(insert('a')), // duplicate key: fails alone
      commits.run(insert('b')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect(ranOutsideTransaction).toBe(false);
    expect(sqlite.prepare('select k from t order by k').all()).toEqual([{ k: 'a' }, { k: 'b' }]);
  });

  it('resolves only after commit, in order, and refuses work after close', async () => {
    handle = openDatabase(':memory:');
    const commits = new GroupCommit(handle.sqlite);
    const order: number[] = [];
    await Promise.all([1, 2, 3].map((n) => commits.run(() => n).then((v) => order.push(v))));
    expect(order).toEqual([1, 2, 3]);
    await commits.close();
    await expect(commits.run(() => 1)).rejects.toThrow(/closed/);
  });
});

describe('GroupCommit with async units', () => {
  it('runs async units in one transaction, each in its own savepoint, and resolves after commit', async () => {
    handle = openDatabase(':memory:');
    const { sqlite } = handle;
    sqlite.exec('create table t (k text primary key)');
    const batches: number[] = [];
    const commits = new GroupCommit(sqlite, (n) => batches.push(n));
    const insert = async (k: string) => {
      await Promise.resolve();
      sqlite.prepare('insert into t (k) values (?)').run(k);
      await Promise.resolve();
      return k;
    };
    const results = await Promise.allSettled([
      commits.run(() => insert('a')),
      commits.run(async () => {
        await insert('half');
        throw new Error('no');
      }),
      commits.run(() => insert('b')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(sqlite.prepare('select k from t order by k').all()).toEqual([{ k: 'a' }, { k: 'b' }]);
    expect(batches).toEqual([3]);
  });

  it('rolls back a unit that waits on anything but the store, and keeps the others', async () => {
    handle = openDatabase(':memory:');
    const { sqlite } = handle;
    sqlite.exec('create table t (k text primary key)');
    const commits = new GroupCommit(sqlite);
    const results = await Promise.allSettled([
      commits.run(async () => {
        sqlite.prepare('insert into t (k) values (?)').run('slow');
        await new Promise((r) => setTimeout(r, 5));
      }),
      commits.run(async () => sqlite.prepare('insert into t (k) values (?)').run('fast')),
    ]);
    expect(results[0]).toMatchObject({ status: 'rejected', reason: expect.objectContaining({ message: expect.stringMatching(/awaited something other than the store/) }) });
    expect(sqlite.prepare('select k from t order by k').all()).toEqual([{ k: 'fast' }]);
  });

  it('commits work asked for while a batch runs in the next batch', async () => {
    handle = openDatabase(':memory:');
    const { sqlite } = handle;
    sqlite.exec('create table t (k text primary key)');
    const batches: number[] = [];
    const commits = new GroupCommit(sqlite, (n) => batches.push(n));
    let later: Promise<unknown> = Promise.resolve();
    await commits.run(async () => {
      sqlite.prepare('insert into t (k) values (?)').run('first');
      later = commits.run(() => sqlite.prepare('insert into t (k) values (?)').run('second'));
    });
    await later;
    expect(batches).toEqual([1, 1]);
    expect(sqlite.prepare('select count(*) as n from t').get()).toEqual({ n: 2 });
  });
});
