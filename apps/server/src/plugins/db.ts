import fp from 'fastify-plugin';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, startCheckpointer, type DbHandle } from '@hearth/db';
import type { Config } from '../config.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The database, migrated. Closed when the app closes. */
    store: DbHandle;
  }
}

export function databaseFile(config: Pick<Config, 'DATA_DIR' | 'DATABASE_FILE'>): string {
  if (config.DATABASE_FILE) return config.DATABASE_FILE;
  mkdirSync(config.DATA_DIR, { recursive: true });
  return join(config.DATA_DIR, 'hearth.db');
}

export default fp<{ config: Config }>(
  async (app, { config }) => {
    const file = databaseFile(config);
    const handle = openDatabase(file);
    // Checkpoints run in a worker thread, never inside a chat-path commit (see checkpointer.ts).
    const checkpointer = startCheckpointer(handle, file);
    app.decorate('store', handle);
    app.addHook('onClose', async () => {
      await checkpointer.stop();
      handle.close();
    });
  },
  { name: 'db' },
);
