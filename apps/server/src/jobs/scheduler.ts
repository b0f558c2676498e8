import type { FastifyBaseLogger } from 'fastify';
import type { Store } from '../store/store.ts';
import type { Job } from './job.store.ts';

/** Runs one claimed job. Throwing schedules a retry with backoff; returning finishes the job. */
export type JobHandler = (job: Job) => Promise<void>;

export interface JobKindOptions {
  /** Delay before retry number `attempts` (1 = the first retry), in ms. Default: exponential from 1 s, capped at 1 h, ±20 % jitter. */
  retryDelayMs?: (attempts: number) => number;
  /**
   * Kinds of one lane run one after another; lanes run side by side. A kind whose handler waits on
   * the network (mail over a slow SMTP server) takes its own lane, so it never holds up another
   * lane's due work (an accept deadline). Default `'default'`.
   */
  lane?: string;
  /**
   * How many claimed jobs of the lane run at once (the largest value among the lane's kinds).
   * Default 1. A kind whose jobs are independent lines of work that each wait on the network
   * (webhook deliveries to different conversations) runs several, so their units share commits.
   */
  concurrency?: number;
}

/** Jobs claimed per pass; a full pass is followed by another at once. */
const CLAIM_LIMIT = 100;
/** A claim's lease: a node that dies mid-job frees it for others after this long. */
const LEASE_MS = 60_000;

export function defaultRetryDelayMs(attempts: number): number {
  const base = Math.min(1000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
  return Math.round(base * (0.8 + Math.random() * 0.4));
}

interface Kind {
  run: JobHandler;
  retryDelayMs: (attempts: number) => number;
}

/**
 * Due work as rows, run by every node: a pass claims the due jobs of the kinds this process
 * handles, runs them one after another, and finishes (deletes) or retries each. Between passes it
 * sleeps until the earliest due job or `pollMs` (other nodes may schedule work too), and
 * `wake(dueAt)` after a commit that scheduled something sooner. Handlers run at least once per
 * scheduled job and must be idempotent (a node may die after the handler's commit and before the
 * finish). Each lane (see {@link JobKindOptions.lane}) has its own passes.
 */
export class JobScheduler {
  private readonly handlers = new Map<string, Kind>();
  private readonly lanes = new Map<string, Lane>();
  private started = false;

  constructor(
    private readonly store: Store,
    private readonly log: FastifyBaseLogger,
    private readonly pollMs: number,
  ) {}

  /** Registers the handler of a kind, once, before the app is ready. */
  handle(kind: string, run: JobHandler, options: JobKindOptions = {}): void {
    if (this.handlers.has(kind)) throw new Error(`job kind ${kind} already has a handler`);
    if (this.started) throw new Error(`job kind ${kind} registered after the scheduler started`);
    this.handlers.set(kind, { run, retryDelayMs: options.retryDelayMs ?? defaultRetryDelayMs });
    const name = options.lane ?? 'default';
    let lane = this.lanes.get(name);
    if (!lane) this.lanes.set(name, (lane = new Lane(this.store, this.log, this.pollMs, this.handlers)));
    lane.kinds.push(kind);
    lane.concurrency = Math.max(lane.concurrency, options.concurrency ?? 1);
  }

  start(): void {
    this.started = true;
    for (const lane of this.lanes.values()) void lane.pass();
  }

  /**
   * Call after a commit that scheduled a job due at `dueAt` (default now); naming its `kind` wakes
   * only that kind's lane.
   */
  wake(dueAt: number = Date.now(), kind?: string): void {
    if (!this.started) return;
    for (const lane of this.lanes.values()) if (kind === undefined || lane.kinds.includes(kind)) lane.wake(dueAt);
  }

  /** Runs due jobs now and resolves when they are done (tests; shutdown). */
  async runDue(): Promise<void> {
    await Promise.all([...this.lanes.values()].map((lane) => lane.pass()));
  }

  async close(): Promise<void> {
    await Promise.all([...this.lanes.values()].map((lane) => lane.close()));
  }
}

/** One lane's passes: its kinds' due jobs, claimed and run one after another. */
class Lane {
  readonly kinds: string[] = [];
  concurrency = 1;
  private timer: NodeJS.Timeout | null = null;
  private timerAt = Number.POSITIVE_INFINITY;
  private running: Promise<void> | null = null;
  private again = false;
  private closed = false;

  constructor(
    private readonly store: Store,
    private readonly log: FastifyBaseLogger,
    private readonly pollMs: number,
    private readonly handlers: ReadonlyMap<string, Kind>,
  ) {}

  wake(dueAt: number): void {
    if (this.closed) return;
    if (dueAt < this.timerAt) this.arm(Math.max(0, dueAt - Date.now()));
  }

  private arm(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = Date.now() + delayMs;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.timerAt = Number.POSITIVE_INFINITY;
      void this.pass();
    }, delayMs);
    this.timer.unref();
  }

  pass(): Promise<void> {
    if (this.closed) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.loop().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async loop(): Promise<void> {
    const kinds = this.kinds;
    try {
      do {
        this.again = false;
        const claimed = await this.store.unit((tx) => tx.jobs.claimDue({ kinds, now: Date.now(), limit: CLAIM_LIMIT, leaseMs: LEASE_MS }));
        // Up to `concurrency` jobs at once, each started in claim (due) order.
        let next = 0;
        const worker = async () => {
          while (next < claimed.length && !this.closed) await this.runJob(claimed[next++]!);
        };
        await Promise.all(Array.from({ length: Math.min(this.concurrency, claimed.length) }, worker));
        if (claimed.length === CLAIM_LIMIT) this.again = true;
      } while (this.again && !this.closed);
      if (this.closed) return;
      const next = await this.store.read.jobs.nextDueAt(kinds);
      this.arm(next === null ? this.pollMs : Math.min(this.pollMs, Math.max(0, next - Date.now())));
    } catch (err) {
      // The database is down or closing: try again later rather than stop running due work.
      if (!this.closed) {
        this.log.error({ err }, 'job pass failed');
        this.arm(this.pollMs);
      }
    }
  }

  private async runJob(job: Job): Promise<void> {
    const handler = this.handlers.get(job.kind)!;
    try {
      await handler.run(job);
      await this.store.unit((tx) => tx.jobs.finish(job.id, job.lease));
    } catch (err) {
      this.log.error({ err, kind: job.kind, key: job.key, attempts: job.attempts + 1 }, 'job failed; retrying later');
      const message = err instanceof Error ? err.message : String(err);
      await this.store.unit((tx) => tx.jobs.retry(job.id, job.lease, Date.now() + handler.retryDelayMs(job.attempts + 1), message));
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }
}
