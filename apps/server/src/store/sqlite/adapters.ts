import type { SqliteAdapters } from './sqlite-store.ts';
import { sqliteJobStore } from './jobs.ts';
import { sqliteNoteStore } from './notes.ts';
import { sqliteMailStore } from './mail.ts';
import { sqliteSiteLifecycleStore } from './site-lifecycle.ts';
import { sqliteAccountStore } from './accounts.ts';

/**
 * Every feature's SQLite store. A key missing here (a feature added a store interface to StoreTx
 * without an SQLite implementation) fails the type check.
 */
export const sqliteAdapters: SqliteAdapters = {
  jobs: sqliteJobStore,
  notes: sqliteNoteStore,
  mail: sqliteMailStore,
  siteLifecycle: sqliteSiteLifecycleStore,
  accounts: sqliteAccountStore,
};
