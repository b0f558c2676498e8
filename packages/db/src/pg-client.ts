import pg from 'pg';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { PgDatabase } from 'drizzle-orm/pg-core';
import type { NodePgQueryResultHKT } from 'drizzle-orm/node-postgres';
import * as pgSchema from './pg-schema.ts';
import { migratePg, pendingPgMigrations } from './pg-migrate.ts';

/** A PostgreSQL database or a transaction on it: what the pg store adapters are built on. */
export type HearthPgDb = PgDatabase<NodePgQueryResultHKT, typeof pgSchema>;

export interface PgOptions {
  /** postgres://user:password@host:port/database */
  url: string;
  /** The schema Hearth's tables live in (search_path of every connection); created if missing. Default `public`. */
  schema?: string;
  /** Connections in the pool. Default 10. */
  max?: number;
  /** Shown in pg_stat_activity (the node's name), so an operator sees which node holds a lock. */
  applicationName?: string;
  /** A statement waiting longer than this for a row lock fails (the unit is then retried). Default 5000 ms. */
  lockTimeoutMs?: number;
  /** A session idle inside an open transaction longer than this is ended by the server, freeing its locks. Default 30000 ms. */
  idleInTransactionMs?: number;
  /** Run migrations (under the advisory lock) before resolving. Default true. */
  migrate?: boolean;
}

export interface PgHandle {
  db: NodePgDatabase<typeof pgSchema>;
  pool: pg.Pool;
  schema: string;
  /** Rejects unless the database answers and every committed migration is applied. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Every bigint Hearth stores (epoch ms, counts) fits a double, and `numeric` only comes from
 * aggregates (avg, sum) of such numbers: read both as JS numbers, as on SQLite, instead of strings.
 */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

/**
 * Opens a pool on PostgreSQL and (by default) applies migrations-pg/ under a database-wide
 * advisory lock, so two nodes booting at once cannot race.
 *
 * Every connection runs with `synchronous_commit=on` (a resolved COMMIT is on disk: acks are
 * durable), `lock_timeout` and `idle_in_transaction_session_timeout` (a stuck or dead node cannot
 * hold row locks for long), and TCP keepalives on both ends (the server notices a vanished node's
 * connection, and so its locks, within about 25 s even without a FIN).
 */
export async function openPgDatabase(options: PgOptions): Promise<PgHandle> {
  const schema = options.schema ?? 'public';
  if (!SCHEMA_NAME.test(schema)) throw new Error(`DATABASE_SCHEMA must match ${SCHEMA_NAME} (got ${JSON.stringify(schema)})`);
  const settings = [
    `search_path=${schema}`,
    'synchronous_commit=on',
    `lock_timeout=${options.lockTimeoutMs ?? 5000}`,
    `idle_in_transaction_session_timeout=${options.idleInTransactionMs ?? 30_000}`,
    'tcp_keepalives_idle=10',
    'tcp_keepalives_interval=5',
    'tcp_keepalives_count=3',
  ];
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.max ?? 10,
    application_name: options.applicationName ?? 'hearth',
    options: settings.map((s) => `-c ${s}`).join(' '),
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
    types,
  });
  // An idle pooled connection that the server drops (restart, failover) emits here; without a
  // listener that would end the process. The pool replaces it on the next checkout.
  pool.on('error', () => {});
  try {
    if (options.migrate ?? true) await migratePg(pool, schema);
  } catch (error) {
    await pool.end();
    throw error;
  }
  const db = drizzle(pool, { schema: pgSchema });
  return {
    db,
    pool,
    schema,
    async ping() {
      const pending = await pendingPgMigrations(pool);
      if (pending > 0) throw new Error(`${pending} PostgreSQL migration(s) not applied`);
    },
    close: () => pool.end(),
  };
}
