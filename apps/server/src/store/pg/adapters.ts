import type { PgAdapters } from './pg-store.ts';
import { pgJobStore } from './jobs.ts';
import { pgNoteStore } from './notes.ts';
import { pgMailStore } from './mail.ts';
import { pgSiteLifecycleStore } from './site-lifecycle.ts';
import { pgAccountStore } from './accounts.ts';

/**
 * Every feature's PostgreSQL store, mirroring store/sqlite/adapters.ts. A key missing here (a
 * feature added a store interface to StoreTx without a PostgreSQL twin) fails the type check.
 */
export const pgAdapters: PgAdapters = {
  jobs: pgJobStore,
  notes: pgNoteStore,
  mail: pgMailStore,
  siteLifecycle: pgSiteLifecycleStore,
  accounts: pgAccountStore,
};
