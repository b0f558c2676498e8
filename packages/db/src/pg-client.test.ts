import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPgDatabase, type PgHandle } from './pg-client.ts';
import { dropPgSchema, ensurePgDatabase } from './pg-admin.ts';

const url = process.env.HEARTH_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/hearth_test';
const schema = `hearth_db_${process.pid}_${Date.now().toString(36)}`;
const handles: PgHandle[] = [];

beforeAll(() => ensurePgDatabase(url));
afterAll(async () => {
  await Promise.all(handles.map((h) => h.close()));
  await dropPgSchema(url, schema);
});

describe('openPgDatabase', () => {
  it('migrates once when two nodes boot at the same moment (advisory lock), and ping then resolves', async () => {
    const both = await Promise.all([openPgDatabase({ url, schema, max: 2 }), openPgDatabase({ url, schema, max: 2 })]);
    handles.push(...both);
    const { rows } = await both[0].pool.query('select hash from __drizzle_migrations');
    const journal = JSON.parse(readFileSync(new URL('../migrations-pg/meta/_journal.json', import.meta.url), 'utf8')) as { entries: unknown[] };
    expect(rows).toHaveLength(journal.entries.length);
    await expect(both[1].ping()).resolves.toBeUndefined();
  });

  it('keeps the invariants of the SQLite schema: one open conversation per visitor, unique seq and client id', async () => {
    const { pool } = handles[0]!;
    await pool.query("insert into sites (id, key, name, secret, created_at) values ('s', 'key', 'Site', 'secret', 1764460800000)");
    await pool.query("insert into visitors (id, site_id, created_at, last_seen_at) values ('v', 's', 0, 0)");
    const open = (id: string, status: string) => pool.query("insert into conversations (id, site_id, visitor_id, status, created_at, updated_at) values ($1, 's', 'v', $2, 0, 0)", [id, status]);
    await open('c1', 'open');
    await expect(open('c2', 'open')).rejects.toMatchObject({ code: '23505' });
    await open('c3', 'closed');
    await open('c4', 'closed');
    const message = (id: string, seq: number, clientId: string) =>
      pool.query("insert into messages (id, conversation_id, site_id, seq, client_id, author_type, author_id, body, created_at) values ($1, 'c1', 's', $2, $3, 'visitor', 'v', 'x', 0)", [id, seq, clientId]);
    await message('m1', 1, 'client-1');
    await expect(message('m2', 1, 'client-2')).rejects.toMatchObject({ code: '23505' });
    await expect(message('m3', 2, 'client-1')).rejects.toMatchObject({ code: '23505' });
    // Epoch ms are bigint columns read as numbers, and so are counts.
    const { rows } = await pool.query('select created_at, (select count(*) from messages) as n from sites');
    expect(rows).toEqual([{ created_at: 1764460800000, n: 1 }]);
  });

  it('sets what keeps a dead node from holding locks on every connection', async () => {
    const { rows } = await handles[0]!.pool.query(
      "select current_setting('lock_timeout') as lock, current_setting('idle_in_transaction_session_timeout') as idle, current_setting('synchronous_commit') as sync, current_setting('tcp_keepalives_idle') as keepalive, current_schema() as schema",
    );
    expect(rows[0]).toEqual({ lock: '5s', idle: '30s', sync: 'on', keepalive: '10', schema });
  });

  it('ping rejects while migrations are missing', async () => {
    const bare = `${schema}_bare`;
    const handle = await openPgDatabase({ url, schema: bare, max: 1, migrate: false });
    try {
      await handle.pool.query(`create schema "${bare}"`);
      await expect(handle.ping()).rejects.toThrow();
    } finally {
      await handle.close();
      await dropPgSchema(url, bare);
    }
  });

  it('committed migrations name no schema (tables live in the search_path schema)', () => {
    const dir = fileURLToPath(new URL('../migrations-pg', import.meta.url));
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.sql'))) expect(readFileSync(`${dir}/${file}`, 'utf8')).not.toMatch(/"public"\./);
  });
});
