import { afterEach, describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { openDatabase, type DbHandle } from '@hearth/db';
import { createSqliteStore, type SqliteStore } from '../store/sqlite/sqlite-store.ts';
import { JobScheduler } from './scheduler.ts';
import type { Job } from './job.store.ts';

let handle: DbHandle;
let store: SqliteStore;
let scheduler: JobScheduler;
const log = Fastify({ logger: false }).log;

function setup(pollMs = 50) {
  handle = openDatabase(':memory:');
  store = createSqliteStore(handle);
  scheduler = new JobScheduler(store, log, pollMs);
}

afterEach(async () => {
  await scheduler.close();
  await store.close();
  handle.close();
});

const until = async (check: () => boolean | Promise<boolean>, ms = 2000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe('JobScheduler', () => {
  it('runs a job when it falls due, once, and deletes it', async () => {
    setup();
    const ran: Job[] = [];
    scheduler.handle('test.ping', async (job) => {
      ran.push(job);
    });
    scheduler.start();
    const dueAt = Date.now() + 60;
    await store.unit((tx) => tx.jobs.schedule({ kind: 'test.ping', key: 'k1', payload: { n: 1 }, dueAt }));
    scheduler.wake(dueAt);
    await until(() => ran.length === 1);
    expect(ran[0]).toMatchObject({ kind: 'test.ping', key: 'k1', payload: { n: 1 } });
    expect(Date.now()).toBeGreaterThanOrEqual(dueAt);
    await until(async () => (await store.read.jobs.find('test.ping', 'k1')) === null);
    await new Promise((r) => setTimeout(r, 120));
    expect(ran).toHaveLength(1);
  });

  it('scheduling the same key again moves the job; cancel removes it', async () => {
    setup();
    await store.unit((tx) => tx.jobs.schedule({ kind: 'k', key: 'a', dueAt: 1000 }));
    await store.unit((tx) => tx.jobs.schedule({ kind: 'k', key: 'a', dueAt: 5000, payload: { v: 2 } }));
    expect(await store.read.jobs.find('k', 'a')).toMatchObject({ dueAt: 5000, payload: { v: 2 } });
    expect(await store.unit((tx) => tx.jobs.cancel('k', 'a'))).toBe(true);
    expect(await store.read.jobs.find('k', 'a')).toBeNull();
  });

  it('retries a failing job with backoff and counts its attempts', async () => {
    setup();
    let calls = 0;
    scheduler.handle(
      'test.flaky',
      async () => {
        calls++;
        if (calls < 3) throw new Error(`fail ${calls}`);
      },
      { retryDelayMs: () => 20 },
    );
    scheduler.start();
    await store.unit((tx) => tx.jobs.schedule({ kind: 'test.flaky', key: 'x', dueAt: Date.now() }));
    scheduler.wake();
    await until(() => calls === 3);
    await until(async () => (await store.read.jobs.find('test.flaky', 'x')) === null);
  });

  it('a claim holds a job: a second claimer gets nothing until the lease runs out', async () => {
    setup();
    await store.unit((tx) => tx.jobs.schedule({ kind: 'k', key: 'a', dueAt: 0 }));
    const first = await store.unit((tx) => tx.jobs.claimDue({ kinds: ['k'], now: 10, limit: 10, leaseMs: 100 }));
    const second = await store.unit((tx) => tx.jobs.claimDue({ kinds: ['k'], now: 50, limit: 10, leaseMs: 100 }));
    const afterLease = await store.unit((tx) => tx.jobs.claimDue({ kinds: ['k'], now: 111, limit: 10, leaseMs: 100 }));
    expect(first).toHaveLength(1);
    expect(second).toHaveLength(0);
    expect(afterLease).toHaveLength(1);
    // The first holder's finish is stale now: the job stays for its new holder.
    await store.unit((tx) => tx.jobs.finish(first[0]!.id, first[0]!.lease));
    expect(await store.read.jobs.find('k', 'a')).not.toBeNull();
    await store.unit((tx) => tx.jobs.finish(afterLease[0]!.id, afterLease[0]!.lease));
    expect(await store.read.jobs.find('k', 'a')).toBeNull();
  });

  it('a slow lane never holds up another lane: an accept deadline runs while a mail send hangs', async () => {
    setup();
    let release!: () => void;
    const slow = new Promise<void>((r) => (release = r));
    const ran: string[] = [];
    scheduler.handle('test.slow', async () => {
      ran.push('slow started');
      await slow;
      ran.push('slow done');
    }, { lane: 'slow' });
    scheduler.handle('test.quick', async () => {
      ran.push('quick');
    });
    scheduler.start();
    await store.unit((tx) => tx.jobs.schedule({ kind: 'test.slow', key: 's', dueAt: Date.now() }));
    scheduler.wake(Date.now(), 'test.slow');
    await until(() => ran.includes('slow started'));
    await store.unit((tx) => tx.jobs.schedule({ kind: 'test.quick', key: 'q', dueAt: Date.now() }));
    scheduler.wake();
    await until(() => ran.includes('quick'));
    expect(ran).toEqual(['slow started', 'quick']);
    release();
    await until(() => ran.includes('slow done'));
  });
});
