import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import type { DbHandle } from './client.ts';

/**
 * WAL checkpoints off the hot path. By default SQLite checkpoints inside the COMMIT that pushes
 * the WAL past 1,000 pages: that commit then also copies pages into the database file and fsyncs
 * it, on the event loop, and every message waiting behind it stalls (the p99 of the message path).
 * Here the server's connection never checkpoints; a worker thread with its own connection runs a
 * PASSIVE checkpoint on a timer, which never blocks the writer, so commits only append to the WAL.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
const checkpoint = () => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch (error) { parentPort.postMessage(String(error)); }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
`;

export interface Checkpointer {
  stop(): Promise<void>;
}

/** Starts background checkpoints for a file database; a no-op for ':memory:'. */
export function startCheckpointer(handle: DbHandle, file: string, intervalMs = 1_000): Checkpointer {
  if (file === ':memory:' || file === '') return { stop: async () => {} };
  handle.sqlite.pragma('wal_autocheckpoint = 0');
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file, intervalMs } });
  worker.on('message', (error: string) => console.error('[hearth] background checkpoint failed:', error));
  worker.unref();
  return {
    async stop() {
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      // Referenced again while it finishes: otherwise an otherwise idle process would exit mid-checkpoint.
      worker.ref();
      worker.postMessage('stop');
      await exited;
    },
  };
}
