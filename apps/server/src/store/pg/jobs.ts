import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { pgSchema, type HearthPgDb } from '@hearth/db';
import type { JobStore } from '../../jobs/job.store.ts';
import { toJob } from '../sqlite/jobs.ts';

const { jobs } = pgSchema;

/** Jobs on PostgreSQL: the claim is one UPDATE over a `FOR UPDATE SKIP LOCKED` pick. */
export function pgJobStore(db: HearthPgDb): JobStore {
  return {
    async schedule(job) {
      const payload = JSON.stringify(job.payload ?? {});
      await db
        .insert(jobs)
        .values({ id: randomUUID(), kind: job.kind, key: job.key, siteId: job.siteId ?? null, payload, dueAt: job.dueAt, createdAt: Date.now() })
        .onConflictDoUpdate({
          target: [jobs.kind, jobs.key],
          set: { payload, dueAt: job.dueAt, siteId: job.siteId ?? null, attempts: 0, lease: null, leaseUntil: null, lastError: null },
        });
    },
    async cancel(kind, key) {
      const deleted = await db.delete(jobs).where(and(eq(jobs.kind, kind), eq(jobs.key, key))).returning({ id: jobs.id });
      return deleted.length > 0;
    },
    async claimDue({ kinds, now, limit, leaseMs }) {
      if (kinds.length === 0) return [];
      const lease = randomUUID();
      // Rows another node is claiming right now are skipped, not waited for: two nodes never
      // claim the same job, and neither blocks the other.
      const due = db
        .select({ id: jobs.id })
        .from(jobs)
        .where(and(inArray(jobs.kind, [...kinds]), sql`${jobs.dueAt} <= ${now}`, sql`(${jobs.leaseUntil} is null or ${jobs.leaseUntil} <= ${now})`))
        .orderBy(jobs.dueAt)
        .limit(limit)
        .for('update', { skipLocked: true });
      const claimed = await db
        .update(jobs)
        .set({ lease, leaseUntil: now + leaseMs })
        .where(inArray(jobs.id, due))
        .returning();
      return claimed.map(toJob).sort((a, b) => a.dueAt - b.dueAt);
    },
    async finish(id, lease) {
      await db.delete(jobs).where(and(eq(jobs.id, id), eq(jobs.lease, lease)));
    },
    async retry(id, lease, dueAt, error) {
      await db
        .update(jobs)
        .set({ dueAt, lease: null, leaseUntil: null, attempts: sql`${jobs.attempts} + 1`, lastError: error.slice(0, 1000) })
        .where(and(eq(jobs.id, id), eq(jobs.lease, lease)));
    },
    async nextDueAt(kinds) {
      if (kinds.length === 0) return null;
      const [row] = await db
        .select({ at: sql<number | null>`min(greatest(${jobs.dueAt}, coalesce(${jobs.leaseUntil}, 0)))` })
        .from(jobs)
        .where(inArray(jobs.kind, [...kinds]));
      return row?.at === null || row?.at === undefined ? null : Number(row.at);
    },
    async find(kind, key) {
      const [row] = await db.select().from(jobs).where(and(eq(jobs.kind, kind), eq(jobs.key, key)));
      if (!row) return null;
      const { lease: _lease, ...job } = toJob(row);
      return job;
    },
  };
}
