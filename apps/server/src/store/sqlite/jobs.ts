import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { schema, type HearthDb } from '@hearth/db';
import type { Job, JobStore } from '../../jobs/job.store.ts';

const { jobs } = schema;

type JobRow = typeof jobs.$inferSelect;

/** A jobs row as its handler sees it (the row shape is the same on both engines: packages/db/src/schema-parity.ts). */
export function toJob(row: JobRow): Job {
  let payload: unknown = null;
  try {
    payload = JSON.parse(row.payload);
  } catch {
    // A corrupt payload reaches the handler as null, which refuses it; it never stops the scheduler.
  }
  return { id: row.id, kind: row.kind, key: row.key, siteId: row.siteId, payload, dueAt: row.dueAt, attempts: row.attempts, lease: row.lease ?? '' };
}

export function sqliteJobStore(db: HearthDb): JobStore {
  return {
    async schedule(job) {
      const payload = JSON.stringify(job.payload ?? {});
      db.insert(jobs)
        .values({ id: randomUUID(), kind: job.kind, key: job.key, siteId: job.siteId ?? null, payload, dueAt: job.dueAt, createdAt: Date.now() })
        .onConflictDoUpdate({
          target: [jobs.kind, jobs.key],
          set: { payload, dueAt: job.dueAt, siteId: job.siteId ?? null, attempts: 0, lease: null, leaseUntil: null, lastError: null },
        })
        .run();
    },

    async cancel(kind, key) {
      return db.delete(jobs).where(and(eq(jobs.kind, kind), eq(jobs.key, key))).run().changes > 0;
    },

    async claimDue({ kinds, now, limit, leaseMs }) {
      if (kinds.length === 0) return [];
      const lease = randomUUID();
      // One writer on SQLite: the select and the update cannot interleave with another claim.
      const due = db
        .select({ id: jobs.id })
        .from(jobs)
        .where(and(inArray(jobs.kind, [...kinds]), sql`${jobs.dueAt} <= ${now}`, sql`(${jobs.leaseUntil} is null or ${jobs.leaseUntil} <= ${now})`))
        .orderBy(jobs.dueAt)
        .limit(limit)
        .all();
      if (due.length === 0) return [];
      return db
        .update(jobs)
        .set({ lease, leaseUntil: now + leaseMs })
        .where(inArray(jobs.id, due.map((d) => d.id)))
        .returning()
        .all()
        .map(toJob)
        .sort((a, b) => a.dueAt - b.dueAt);
    },

    async finish(id, lease) {
      db.delete(jobs).where(and(eq(jobs.id, id), eq(jobs.lease, lease))).run();
    },

    async retry(id, lease, dueAt, error) {
      db.update(jobs)
        .set({ dueAt, lease: null, leaseUntil: null, attempts: sql`${jobs.attempts} + 1`, lastError: error.slice(0, 1000) })
        .where(and(eq(jobs.id, id), eq(jobs.lease, lease)))
        .run();
    },

    async nextDueAt(kinds) {
      if (kinds.length === 0) return null;
      // A leased job is next due when its lease runs out (its holder may have died).
      const row = db
        .select({ at: sql<number | null>`min(max(${jobs.dueAt}, coalesce(${jobs.leaseUntil}, 0)))` })
        .from(jobs)
        .where(inArray(jobs.kind, [...kinds]))
        .get();
      return row?.at ?? null;
    },

    async find(kind, key) {
      const row = db.select().from(jobs).where(and(eq(jobs.kind, kind), eq(jobs.key, key))).get();
      if (!row) return null;
      const { lease: _lease, ...job } = toJob(row);
      return job;
    },
  };
}
