import type { SiteId } from '@hearth/protocol';

/** A claimed job, as its handler sees it. */
export interface Job {
  id: string;
  kind: string;
  /** Unique within the kind: scheduling the same key again moves the job (e.g. a conversation id). */
  key: string;
  siteId: SiteId | null;
  /** Parsed JSON; its shape belongs to the kind's handler. */
  payload: unknown;
  /** Epoch ms. */
  dueAt: number;
  /** Failed runs so far. */
  attempts: number;
  /** This claim's token: finishing or retrying with a stale lease does nothing. */
  lease: string;
}

export interface ScheduleJob {
  kind: string;
  key: string;
  siteId?: SiteId | null;
  payload?: unknown;
  /** Epoch ms; in the past means "as soon as a node is free". */
  dueAt: number;
}

/** Due work as rows: see `jobs` in packages/db/src/schema.ts. */
export interface JobStore {
  /**
   * Inserts the job, or moves an existing (kind, key) to this due time and payload, resetting its
   * attempts and releasing its lease (the holder's `finish` then keeps the moved job). One row.
   */
  schedule(job: ScheduleJob): Promise<void>;
  /** Deletes (kind, key) whoever holds it; true if there was one. */
  cancel(kind: string, key: string): Promise<boolean>;
  /**
   * Claims up to `limit` jobs of `kinds` that are due at `now` and free (or whose lease expired),
   * oldest due first, leasing them until `now + leaseMs`. One statement; on PostgreSQL the rows
   * are picked `FOR UPDATE SKIP LOCKED`, so two nodes never claim the same job.
   */
  claimDue(input: { kinds: readonly string[]; now: number; limit: number; leaseMs: number }): Promise<Job[]>;
  /** Deletes the job if `lease` still holds it. */
  finish(id: string, lease: string): Promise<void>;
  /** Frees the job for another run at `dueAt`, counting the failure, if `lease` still holds it. */
  retry(id: string, lease: string, dueAt: number, error: string): Promise<void>;
  /** The earliest due time among `kinds`, or null: the scheduler's next wake. */
  nextDueAt(kinds: readonly string[]): Promise<number | null>;
  /** A job by (kind, key), or null (for tests and diagnostics). */
  find(kind: string, key: string): Promise<Omit<Job, 'lease'> | null>;
}

declare module '../store/store.ts' {
  interface StoreTx {
    jobs: JobStore;
  }
}
