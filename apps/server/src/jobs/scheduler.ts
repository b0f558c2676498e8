import type { FastifyBaseLogger } from 'fastify';
import type { Store } from '../store/store.ts';
import type { Job } from './job.store.ts';

/** Runs one claimed job. Throwing schedules a retry with backoff; returning finishes the job. */
export type JobHandler = (job: Job) => Promise<void>;

export interface JobKindOptions {
  /** Delay before retry number `attempts` (1 = the first retry), in ms. Default: exponential from 1 s, capped at 1 h, ±20 % jitter. */
  retryDelayMs?: (attempts: number) => number;
}

/** Jobs claimed per pass; a full pass is followed by another at once. */
const CLAIM_LIMIT = 100;
/** A claim's lease: a node that dies mid-job frees it for others after this long. */
const LEASE_MS = 60_000;

export function defaultRetryDelayMs(attempts: number): number {
  const base = Math.min(1000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
  return Math.round(base * (0.8 + Math.random() * 0.4));
}

/**
 * Due work as rows, run by every node: a pass claims the due jobs of the kinds this process
 * handles, runs them one after another, and finishes (deletes) or retries each. Between passes it
 * sleeps until the earliest due job or `pollMs` (other nodes may schedule work too), and
 * `wake(dueAt)` after a commit that scheduled something sooner. Handlers run at least once per
 * scheduled job and must be idempotent (a node may die after the handler's commit and before the
 * finish).
 */
export class JobScheduler {
  private readonly handlers = new Map<string, { run: JobHandler; retryDelayMs: (attempts: number) => number }>();
  private timer: NodeJS.Timeout | null = null;
  private timerAt = Number.POSITIVE_INFINITY;
  private running: Promise<void> | null = null;
  private again = false;
  private closed = false;
  private started = false;

  constructor(
    private readonly store: Store,
    private readonly log: FastifyBaseLogger,
    private readonly pollMs: number,
  ) {}

  /** Registers the handler of a kind, once, before the app is ready. */
  handle(kind: string, run: JobHandler, options: JobKindOptions = {}): void {
    if (this.handlers.has(kind)) throw new Error(`job kind ${kind} already has a handler`);
    this.handlers.set(kind, { run, retryDelayMs: options.retryDelayMs ?? defaultRetryDelayMs });
  }

  start(): void {
    this.started = true;
    void this.pass();
  }

  /** Call after a commit that scheduled a job due at `dueAt` (default now). */
  wake(dueAt: number = Date.now()): void {
    if (!this.started || this.closed) return;
    if (dueAt < this.timerAt) this.arm(Math.max(0, dueAt - Date.now()));
  }

  /** Runs due jobs now and resolves when they are done (tests; shutdown). */
  async runDue(): Promise<void> {
    await this.pass();
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

  private pass(): Promise<void> {
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
    const kinds = [...this.handlers.keys()];
    try {
      do {
        this.again = false;
        const claimed = await this.store.unit((tx) => tx.jobs.claimDue({ kinds, now: Date.now(), limit: CLAIM_LIMIT, leaseMs: LEASE_MS }));
        for (const job of claimed) {
          if (this.closed) break;
          await this.runJob(job);
        }
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
