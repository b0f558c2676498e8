import type Database from 'better-sqlite3';

interface Pending {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** Sizes of committed batches, for metrics: called once per COMMIT with the number of units in it. */
export type BatchObserver = (units: number) => void;

/**
 * Group commit: every write asked for during one event-loop turn runs in a single transaction,
 * so a burst of N messages costs one WAL fsync (synchronous=FULL) instead of N. Each unit of work
 * gets its own savepoint, so one failing unit (a constraint, a domain error) rolls back only
 * itself. Promises resolve only after COMMIT returns: callers ack and broadcast after that,
 * which is what makes "acked" mean "durable".
 *
 * A unit may be synchronous or async. Async units run one after another, each awaited before
 * the next savepoint opens; since every store call on SQLite is synchronous underneath, a unit
 * settles within microtasks of the same turn. A unit that is still pending when the turn ends
 * (it awaited a timer or real I/O) would keep the shared transaction open while other callbacks
 * read uncommitted rows, so it is rolled back and rejected (a bug to fix in that unit).
 */
export class GroupCommit {
  private queue: Pending[] = [];
  private scheduled = false;
  private flushing = false;
  private closed = false;
  private readonly sql: Record<'begin' | 'commit' | 'rollback' | 'savepoint' | 'release' | 'rollbackTo', Database.Statement>;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly onBatch: BatchObserver = () => {},
  ) {
    const s = (text: string) => sqlite.prepare(text);
    this.sql = {
      begin: s('BEGIN'),
      commit: s('COMMIT'),
      rollback: s('ROLLBACK'),
      savepoint: s('SAVEPOINT hearth_unit'),
      release: s('RELEASE hearth_unit'),
      rollbackTo: s('ROLLBACK TO hearth_unit'),
    };
  }

  run<T>(work: () => T | Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error('store is closed'));
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (v: unknown) => void, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.flushing) return;
    this.scheduled = true;
    setImmediate(() => void this.flush());
  }

  /** Commits what is queued now; used on shutdown so nothing acked-to-be is dropped. */
  async flush(): Promise<void> {
    this.scheduled = false;
    if (this.flushing) return;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    this.flushing = true;
    const turn = new TurnWatch();
    const outcomes: Outcome[] = [];
    try {
      this.sql.begin.run();
      for (const item of batch) outcomes.push(await this.runUnit(item, turn));
      this.sql.commit.run();
    } catch (error) {
      // COMMIT itself failed (disk full, I/O error): nothing in the batch is durable.
      if (this.sqlite.inTransaction) this.sql.rollback.run();
      for (const item of batch) item.reject(error);
      return;
    } finally {
      turn.stop();
      this.flushing = false;
      if (this.queue.length > 0) this.schedule();
    }
    this.onBatch(batch.length);
    batch.forEach((item, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) item.resolve(outcome.value);
      else item.reject(outcome.error);
    });
  }

  private async runUnit(item: Pending, turn: TurnWatch): Promise<Outcome> {
    this.sql.savepoint.run();
    try {
      const result = item.work();
      const value = result instanceof Promise ? await result : result;
      if (turn.ended()) throw new Error('a SQLite store unit awaited something other than the store; rolled back');
      this.sql.release.run();
      return { ok: true, value };
    } catch (error) {
      this.sql.rollbackTo.run();
      this.sql.release.run();
      return { ok: false, error };
    }
  }

  async close(): Promise<void> {
    await this.flush();
    this.closed = true;
  }
}

/** Tells whether the event loop moved on (a setImmediate ran) since the last check. */
class TurnWatch {
  private moved = false;
  private handle: NodeJS.Immediate;

  constructor() {
    this.handle = this.arm();
  }

  private arm(): NodeJS.Immediate {
    return setImmediate(() => {
      this.moved = true;
    });
  }

  /** True once per crossing; the watch re-arms for the next unit. */
  ended(): boolean {
    if (!this.moved) return false;
    this.moved = false;
    this.handle = this.arm();
    return true;
  }

  stop(): void {
    clearImmediate(this.handle);
  }
}
