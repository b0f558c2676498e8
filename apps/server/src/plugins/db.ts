import fp from 'fastify-plugin';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, type DbHandle } from '@hearth/db';
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
    const handle = openDatabase(databaseFile(config));
    app.decorate('store', handle);
    app.addHook('onClose', async () => handle.close());
  },
  { name: 'db' },
);
