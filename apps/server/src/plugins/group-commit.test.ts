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
    commits.close();
    await expect(commits.run(() => 1)).rejects.toThrow(/closed/);
  });
});
