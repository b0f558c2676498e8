import type pg from 'pg';
import { fileURLToPath } from 'node:url';
import { readMigrationFiles, type MigrationMeta } from 'drizzle-orm/migrator';

const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations-pg', import.meta.url));

/**
 * Key of the advisory lock that migrations and first-boot bootstrap run under. Database-wide (not
 * per schema): `CREATE EXTENSION` and schema creation are database-wide too.
 */
export const BOOTSTRAP_LOCK_KEY = 0x4845_4152_5448n; // "HEARTH"

let cached: MigrationMeta[] | null = null;
function migrations(): MigrationMeta[] {
  cached ??= readMigrationFiles({ migrationsFolder: MIGRATIONS_DIR });
  return cached;
}

const TABLE = '__drizzle_migrations';

/**
 * Applies the migrations not yet recorded in the schema's `__drizzle_migrations` (drizzle's own
 * bookkeeping format), all in one transaction, holding `pg_advisory_lock`: a second node booting
 * at the same moment waits, then finds nothing left to do. The schema is created if missing.
 */
export async function migratePg(pool: pg.Pool, schema: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [BOOTSTRAP_LOCK_KEY.toString()]);
    try {
      await client.query(`create schema if not exists "${schema}"`);
      await client.query(`create table if not exists ${TABLE} (id serial primary key, hash text not null, created_at bigint)`);
      const { rows } = await client.query<{ created_at: number | null }>(`select created_at from ${TABLE} order by created_at desc limit 1`);
      const last = rows[0]?.created_at ?? -1;
      const pending = migrations().filter((m) => m.folderMillis > Number(last));
      if (pending.length === 0) return;
      await client.query('begin');
      try {
        for (const migration of pending) {
          // Simple query protocol: the migration's statements go as one round trip.
          await client.query(migration.sql.join('\n'));
          await client.query(`insert into ${TABLE} (hash, created_at) values ($1, $2)`, [migration.hash, migration.folderMillis]);
        }
        await client.query('commit');
      } catch (error) {
        await client.query('rollback');
        throw error;
      }
    } finally {
      await client.query('select pg_advisory_unlock($1)', [BOOTSTRAP_LOCK_KEY.toString()]);
    }
  } finally {
    client.release();
  }
}

/** How many committed migrations the connection's schema lacks (0 when up to date). */
export async function pendingPgMigrations(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ n: number; last: number | null }>(`select count(*) as n, max(created_at) as last from ${TABLE}`);
  const last = Number(rows[0]?.last ?? -1);
  return migrations().filter((m) => m.folderMillis > last).length;
}
