import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, openPgDatabase, type PgHandle } from '@hearth/db';
import { acquirePgSchema, pgTestSql, sqliteTestSql, testPgUrl, toPgPlaceholders, type TestSql } from './test-db.ts';

describe('toPgPlaceholders', () => {
  it('numbers ? placeholders and leaves quoted ones alone', () => {
    expect(toPgPlaceholders("select * from t where a = ? and b = '?' and \"c?\" = ? and d in (?, ?)")).toBe(
      "select * from t where a = $1 and b = '?' and \"c?\" = $2 and d in ($3, $4)",
    );
  });
});

describe('TestSql gives the same answers on both engines', () => {
  const handles: Array<() => Promise<void> | void> = [];
  afterAll(async () => {
    for (const close of handles) await close();
  });
  const engines: Array<[string, () => Promise<TestSql>]> = [
    [
      'sqlite',
      async () => {
        const h = openDatabase(':memory:');
        handles.push(() => h.close());
        return sqliteTestSql(h.sqlite);
      },
    ],
    [
      'pg',
      async () => {
        const schema = await acquirePgSchema();
        const h: PgHandle = await openPgDatabase({ url: testPgUrl, schema: schema.schema, max: 1 });
        handles.push(async () => {
          await h.close();
          schema.release();
        });
        return pgTestSql(h.pool);
      },
    ],
  ];
  it.each(engines)('%s', async (_name, open) => {
    const sql = await open();
    expect(await sql.all("insert into sites (id, key, name, secret, created_at) values (?, ?, 'S', 'x', ?)", ['s1', 'k1', 1764460800123])).toEqual([]);
    expect(await sql.one('select id, created_at from sites where key = ?', ['k1'])).toEqual({ id: 's1', created_at: 1764460800123 });
    expect(await sql.value('select count(*) from sites')).toBe(1);
    expect(await sql.value('select count(*) from sites where id = ?', ['nope'])).toBe(0);
    expect(await sql.one('select id from sites where id = ?', ['nope'])).toBeUndefined();
  });
});
