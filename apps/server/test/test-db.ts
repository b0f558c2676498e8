import pg from 'pg';
import { inject } from 'vitest';
import type Database from 'better-sqlite3';

/**
 * The database side of the test harness, for both engines.
 *
 * - `HEARTH_TEST_DB=sqlite` (default) or `pg` picks the engine the server suite runs on.
 * - `HEARTH_TEST_PG_URL` (default postgres://postgres@127.0.0.1:5432/hearth_test) is the database
 *   the PostgreSQL runs and the contract suite use; pg-global-setup.ts creates it if missing.
 * - Each test file gets its own schemas (search_path per pool): migrated on first use, emptied
 *   when reused by the next server of the same file, dropped after the file.
 */
export type TestEngine = 'sqlite' | 'pg';

export const testEngine: TestEngine = process.env.HEARTH_TEST_DB === 'pg' ? 'pg' : 'sqlite';
export const testPgUrl = process.env.HEARTH_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/hearth_test';

export type Row = Record<string, unknown>;

/**
 * Engine-neutral SQL for assertions and fixtures: `?` placeholders on both engines; numbers come
 * back as numbers on both (bigint and count(*) included). What still differs is dialect (booleans
 * are true/false on PostgreSQL, 1/0 on SQLite; no json_extract, strftime or group_concat there):
 * keep test SQL to what both understand.
 */
export interface TestSql {
  /** Every row. Statements that return no rows resolve with []. */
  all<T = Row>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /** The first row, or undefined. */
  one<T = Row>(text: string, params?: readonly unknown[]): Promise<T | undefined>;
  /** The first column of the first row, or undefined. */
  value<T = unknown>(text: string, params?: readonly unknown[]): Promise<T | undefined>;
  /**
   * Every table of the database, by name, but the migrations' bookkeeping (SQLite's FTS5 tables
   * included: they hold message text too).
   */
  tables(): Promise<string[]>;
}

function fromAll(all: (text: string, params: readonly unknown[]) => Promise<Row[]>, tablesQuery: string): TestSql {
  return {
    tables: async () => (await all(tablesQuery, [])).map((r) => String(Object.values(r)[0])),
    all: (text, params = []) => all(text, params) as never,
    one: async (text, params = []) => (await all(text, params))[0] as never,
    value: async (text, params = []) => {
      const row = (await all(text, params))[0];
      return (row ? Object.values(row)[0] : undefined) as never;
    },
  };
}

export function sqliteTestSql(sqlite: Database.Database): TestSql {
  return fromAll(async (text, params) => {
    const statement = sqlite.prepare(text);
    if (statement.reader) return statement.all(...params) as Row[];
    statement.run(...params);
    return [];
  }, "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name");
}

export function pgTestSql(pool: pg.Pool): TestSql {
  return fromAll(
    async (text, params) => (await pool.query(toPgPlaceholders(text), [...params])).rows as Row[],
    "select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name not like '__drizzle%' order by table_name",
  );
}

/** `?` → `$1, $2 …`, leaving quoted strings and identifiers alone. */
export function toPgPlaceholders(text: string): string {
  let n = 0;
  let out = '';
  let quote: string | null = null;
  for (const ch of text) {
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '?') {
      out += `$${++n}`;
      continue;
    }
    out += ch;
  }
  return out;
}

// ---- PostgreSQL schemas of this test file ----

/** A schema's name: ht_<run>_<worker pid>_<n>; <run> is `<main pid>x<random>` (pg-global-setup.ts). */
const SCHEMA_PREFIX = 'ht_';
let counter = 0;
const free: string[] = [];
const used = new Set<string>();
const created: string[] = [];
let admin: pg.Pool | null = null;

function adminPool(): pg.Pool {
  admin ??= new pg.Pool({ connectionString: testPgUrl, max: 1 });
  return admin;
}

export interface TestSchema {
  schema: string;
  /** Hands the schema back for the next server of this file (it is emptied then, not now). */
  release(): void;
}

/**
 * A schema for one PostgreSQL server (or store) of this test file: a new name (the app creates and
 * migrates it) or a released one, emptied of rows. Two servers open at once get two schemas.
 */
export async function acquirePgSchema(): Promise<TestSchema> {
  let schema = free.pop();
  if (schema) await emptySchema(schema);
  else {
    schema = `${SCHEMA_PREFIX}${inject('hearthTestRun')}_${process.pid}_${counter++}`;
    created.push(schema);
  }
  used.add(schema);
  const name = schema;
  return {
    schema: name,
    release() {
      if (used.delete(name)) free.push(name);
    },
  };
}

/** Drops every schema this file created (a setup file calls it after the file). */
export async function dropFileSchemas(): Promise<void> {
  if (created.length > 0) await adminPool().query(created.map((s) => `drop schema if exists "${s}" cascade;`).join('\n'));
  created.length = 0;
  free.length = 0;
  await admin?.end();
  admin = null;
}

const emptyingSql = new Map<string, string>();

/** Deletes every row (children before parents) and restarts sequences: a fresh database, in a few ms. */
async function emptySchema(schema: string): Promise<void> {
  let text = emptyingSql.get(schema);
  if (!text) {
    const pool = adminPool();
    const tables = (
      await pool.query<{ name: string }>("select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = $1 and c.relkind = 'r' and c.relname <> '__drizzle_migrations'", [schema])
    ).rows.map((r) => r.name);
    const edges = (
      await pool.query<{ child: string; parent: string }>(
        "select ch.relname as child, pa.relname as parent from pg_constraint k join pg_class ch on ch.oid = k.conrelid join pg_class pa on pa.oid = k.confrelid join pg_namespace n on n.oid = k.connamespace where k.contype = 'f' and n.nspname = $1",
        [schema],
      )
    ).rows;
    const sequences = (await pool.query<{ name: string }>("select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = $1 and c.relkind = 'S'", [schema])).rows.map((r) => r.name);
    const ordered = childrenFirst(tables, edges);
    text = [
      'begin;',
      ...ordered.map((t) => `delete from "${schema}"."${t}";`),
      ...sequences.filter((s) => !s.startsWith('__drizzle')).map((s) => `select setval('"${schema}"."${s}"', 1, false);`),
      'commit;',
    ].join('\n');
    emptyingSql.set(schema, text);
  }
  await adminPool().query(text);
}

function childrenFirst(tables: string[], edges: Array<{ child: string; parent: string }>): string[] {
  const out: string[] = [];
  const done = new Set<string>();
  const visit = (table: string, path: Set<string>) => {
    if (done.has(table) || path.has(table)) return;
    path.add(table);
    for (const e of edges) if (e.parent === table && e.child !== table) visit(e.child, path);
    done.add(table);
    out.push(table);
  };
  for (const t of tables) visit(t, new Set());
  return out;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** This run's id in schema names (pg-global-setup.ts). */
    hearthTestRun: string;
  }
}

const persistent = new Map<string, TestSchema>();

/**
 * The schema a test server uses on PostgreSQL: a fresh one, or for a `databaseFile` the schema that
 * file name got earlier in this test file (a restart finds its data, as it would in the file).
 */
export async function pgSchemaForServer(databaseFile?: string): Promise<TestSchema> {
  if (!databaseFile || databaseFile === ':memory:') return acquirePgSchema();
  let schema = persistent.get(databaseFile);
  if (!schema) {
    const acquired = await acquirePgSchema();
    // Kept for the whole file: later servers on the same file name reuse it.
    schema = { schema: acquired.schema, release() {} };
    persistent.set(databaseFile, schema);
  }
  return schema;
}
