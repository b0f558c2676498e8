import fp from 'fastify-plugin';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Config } from '../config.ts';
import type { BlobStore } from './blob-store.ts';
import { databaseBlobStore } from './database-blob-store.ts';
import { dirBlobStore } from './dir-blob-store.ts';
import { sweepFiles } from './file-sweep.ts';
import { filesRoutes } from './files.routes.ts';
import './file.store.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Where chat files' bytes live (files/blob-store.ts). */
    fileBlobs: BlobStore;
  }
}

export const SWEEP_JOB = 'files.sweep';
const LINK_SECRET_KEY = 'file_link_secret';
/** Images decoded at once per node (sharp also uses a thread pool per decode). */
const DECODES_AT_ONCE = 2;

/** The blob store the configuration names (files/blob-store.ts for the two kinds). */
export function blobStoreFor(config: Config, store: Parameters<typeof databaseBlobStore>[0]): BlobStore {
  const kind = config.FILES_STORE ?? (config.DATABASE_URL ? 'database' : 'dir');
  return kind === 'database' ? databaseBlobStore(store) : dirBlobStore(config.FILES_DIR ?? join(config.DATA_DIR, 'files'));
}

/**
 * Files in the chat (issue 15): the blob store, the routes, and the `files.sweep` job that deletes
 * unsent uploads after the grace period and bytes no row names (after an erase).
 */
export default fp<{ config: Config }>(
  async (app, { config }) => {
    const blobs = blobStoreFor(config, app.store);
    app.decorate('fileBlobs', blobs);
    // Insert-if-absent then read: every node of a cluster signs and checks links with one secret.
    const linkSecret = await app.store.unit((tx) => tx.instance.settingOrInit(LINK_SECRET_KEY, randomBytes(32).toString('base64url')));

    let running = 0;
    const waiting: Array<() => void> = [];
    const limitDecode = async <T>(work: () => Promise<T>): Promise<T> => {
      if (running >= DECODES_AT_ONCE) await new Promise<void>((resolve) => waiting.push(resolve));
      running++;
      try {
        return await work();
      } finally {
        running--;
        waiting.shift()?.();
      }
    };

    await app.register(filesRoutes, { blobs, linkSecret, linkTtlMs: config.FILES_LINK_TTL_SECONDS * 1000, limitDecode });

    const periodMs = config.FILES_SWEEP_SECONDS * 1000;
    const graceMs = config.FILES_GRACE_SECONDS * 1000;
    app.jobs.handle(SWEEP_JOB, async () => {
      const swept = await sweepFiles({ store: app.store, blobs, graceMs });
      if (swept.files + swept.blobs > 0) app.log.info(swept, 'files swept');
      // The next sweep: the same row moved forward (the scheduler keeps a moved job).
      await app.store.unit((tx) => tx.jobs.schedule({ kind: SWEEP_JOB, key: 'all', dueAt: Date.now() + periodMs }));
    });
    app.addHook('onReady', async () => {
      const existing = await app.store.read.jobs.find(SWEEP_JOB, 'all');
      if (!existing) await app.store.unit((tx) => tx.jobs.schedule({ kind: SWEEP_JOB, key: 'all', dueAt: Date.now() + periodMs }));
    });
  },
  { name: 'files', dependencies: ['store', 'jobs', 'visitor-tokens'] },
);
