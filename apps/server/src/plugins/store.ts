import fp from 'fastify-plugin';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, openPgDatabase, startCheckpointer, type DbHandle } from '@hearth/db';
import { nodeName, type Config } from '../config.ts';
import type { Store } from '../store/store.ts';
import { createSqliteStore } from '../store/sqlite/sqlite-store.ts';
import { createPgStore } from '../store/pg/pg-store.ts';
import type { GroupCommit } from '../store/sqlite/group-commit.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The storage seam (store/store.ts): every use case reads and writes through it. */
    store: Store;
    /**
     * Embedded mode's SQLite connection, for what is SQLite by nature (checkpoints, backups) and for
     * code not yet moved behind the seam. Feature code must not use it.
     */
    sqlite: DbHandle;
    /**
     * The SQLite group commit, for code not yet moved behind the seam (`commits.run(() => …)`).
     * New code uses `store.unit`.
     */
    commits: GroupCommit;
  }
}

export function databaseFile(config: Pick<Config, 'DATA_DIR' | 'DATABASE_FILE'>): string {
  if (config.DATABASE_FILE) return config.DATABASE_FILE;
  mkdirSync(config.DATA_DIR, { recursive: true });
  return join(config.DATA_DIR, 'hearth.db');
}

/** Optional observers of the store, for metrics. */
export interface StoreObservers {
  /** Called once per committed SQLite batch with its number of units. */
  onCommitBatch?: (units: number) => void;
}

export default fp<{ config: Config; observers?: StoreObservers }>(
  async (app, { config, observers }) => {
    if (config.DATABASE_URL) {
      // PostgreSQL (pg or cluster mode): migrations run under an advisory lock before the store opens.
      // `sqlite` and `commits` are not decorated: code still using them is embedded-only until converted.
      const handle = await openPgDatabase({ url: config.DATABASE_URL, schema: config.DATABASE_SCHEMA, max: config.DATABASE_POOL_MAX, applicationName: `hearth ${nodeName(config)}` });
      const store = createPgStore(handle);
      app.decorate('store', store as Store);
      app.addHook('onClose', async () => store.close());
      return;
    }
    const file = databaseFile(config);
    const handle = openDatabase(file);
    // Checkpoints run in a worker thread, never inside a chat-path commit (see checkpointer.ts).
    const checkpointer = startCheckpointer(handle, file);
    const store = createSqliteStore(handle, observers?.onCommitBatch);
    app.decorate('store', store as Store);
    app.decorate('sqlite', handle);
    app.decorate('commits', store.commits);
    // onClose runs after every preClose hook: features have stopped writing by then. What is
    // queued still commits before the connection closes.
    app.addHook('onClose', async () => {
      await store.close();
      await checkpointer.stop();
      handle.close();
    });
  },
  { name: 'store' },
);
