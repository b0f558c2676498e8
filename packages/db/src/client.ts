import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { fileURLToPath } from 'node:url';
import * as schema from './schema.ts';

export type HearthDb = BetterSQLite3Database<typeof schema>;

export interface DbHandle {
  db: HearthDb;
  /** The raw connection, for pragmas, checkpoints and backups. */
  sqlite: Database.Database;
  close(): void;
}

const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations', import.meta.url));

/**
 * Opens (and migrates) a Hearth database. `file` is a path or ':memory:'.
 *
 * WAL + synchronous=FULL: every committed transaction survives a power cut. The cost of a FULL
 * fsync per commit is paid once per batch by the server's group-commit writer, not per message.
 */
export function openDatabase(file: string): DbHandle {
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: MIGRATIONS_DIR });
  return { db, sqlite, close: () => sqlite.close() };
}
