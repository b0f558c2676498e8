import fp from 'fastify-plugin';
import type { DbHandle } from '@hearth/db';

declare module 'fastify' {
  interface FastifyInstance {
    /** Runs chat writes in one durable transaction per event-loop turn. */
    commits: GroupCommit;
  }
}

interface Pending {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
}

/**
 * Group commit: every write asked for during one event-loop turn runs in a single transaction,
 * so a burst of N messages costs one WAL fsync (synchronous=FULL) instead of N. Each unit of work
 * gets its own savepoint, so one failing unit (a constraint, a domain error) rolls back only
 * itself. Promises resolve only after COMMIT returns: callers ack and broadcast after that,
 * which is what makes "acked" mean "durable".
 */
export class GroupCommit {
  private queue: Pending[] = [];
  private scheduled = false;
  private closed = false;

  constructor(private readonly sqlite: DbHandle['sqlite']) {}

  run<T>(work: () => T): Promise<T> {
    if (this.closed) return Promise.reject(new Error('store is closed'));
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (v: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Commits what is queued now; used on shutdown so nothing acked-to-be is dropped. */
  flush(): void {
    this.scheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
    try {
      this.sqlite.transaction(() => {
        for (const item of batch) {
          try {
            // A nested better-sqlite3 transaction is a SAVEPOINT.
            outcomes.push({ ok: true, value: this.sqlite.transaction(item.work)() });
          } catch (error) {
            outcomes.push({ ok: false, error });
          }
        }
      })();
    } catch (error) {
      // COMMIT itself failed (disk full, I/O error): nothing in the batch is durable.
      for (const item of batch) item.reject(error);
      return;
    }
    batch.forEach((item, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) item.resolve(outcome.value);
      else item.reject(outcome.error);
    });
  }

  close(): void {
    this.flush();
    this.closed = true;
  }
}

export default fp(
  async (app) => {
    const commits = new GroupCommit(app.store.sqlite);
    app.decorate('commits', commits);
    // Runs before the db plugin's onClose (hooks run in reverse registration order).
    app.addHook('onClose', async () => commits.close());
  },
  { name: 'group-commit', dependencies: ['db'] },
);
