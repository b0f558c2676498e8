/**
 * Store benchmark: durable message inserts through Hearth's own write path (sendVisitorMessage),
 * WAL + synchronous=FULL on a real file, comparing group commit (one transaction per event-loop
 * turn) with one transaction per message. Bounded: a fixed number of messages per mode.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { openDatabase, startCheckpointer } from '@hearth/db';
import type { SiteId, VisitorId } from '@hearth/protocol';
import { GroupCommit } from '../apps/server/src/store/sqlite/group-commit.ts';
import { sendVisitorMessage } from '../apps/server/src/conversations/send-message.ts';

export interface StoreResult {
  mode: string;
  messages: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

function seed(handle: ReturnType<typeof openDatabase>, visitors: number) {
  const siteId = 'bench-site' as SiteId;
  handle.sqlite.prepare("insert into sites (id, key, name, secret, created_at) values (?, 'bench', 'Bench', 'secret', 0)").run(siteId);
  const insert = handle.sqlite.prepare('insert into visitors (id, site_id, created_at, last_seen_at) values (?, ?, 0, 0)');
  const ids: VisitorId[] = [];
  for (let i = 0; i < visitors; i++) {
    const id = `v${i}` as VisitorId;
    insert.run(id, siteId);
    ids.push(id);
  }
  return { siteId, ids };
}

/** Offers `total` messages in waves of `concurrency` sends per event-loop turn. */
export async function benchStore(options: { total?: number; concurrency?: number; perMessageTotal?: number } = {}): Promise<StoreResult[]> {
  const total = options.total ?? 20_000;
  const concurrency = options.concurrency ?? 50;
  const perMessageTotal = options.perMessageTotal ?? 3_000;
  const results: StoreResult[] = [];
  for (const mode of ['group commit', 'one commit per message'] as const) {
    const dir = mkdtempSync(join(tmpdir(), 'hearth-bench-store-'));
    const file = join(dir, 'bench.db');
    const handle = openDatabase(file);
    // As the server's db plugin does; BENCH_INLINE_CHECKPOINTS=1 measures SQLite's default instead.
    const checkpointer = process.env.BENCH_INLINE_CHECKPOINTS ? null : startCheckpointer(handle, file);
    try {
      const { siteId, ids } = seed(handle, 200);
      const commits = new GroupCommit(handle.sqlite);
      const count = mode === 'group commit' ? total : perMessageTotal;
      const latencies: number[] = [];
      const started = performance.now();
      for (let sent = 0; sent < count; sent += concurrency) {
        const wave = Array.from({ length: Math.min(concurrency, count - sent) }, (_, i) => {
          const visitorId = ids[(sent + i) % ids.length]!;
          const work = () => sendVisitorMessage(handle.db, { siteId, visitorId, clientId: randomUUID(), body: 'benchmark message', now: Date.now() });
          const t0 = performance.now();
          const done = mode === 'group commit' ? commits.run(work) : Promise.resolve(handle.sqlite.transaction(work)());
          return done.then(() => latencies.push(performance.now() - t0));
        });
        await Promise.all(wave);
      }
      const seconds = (performance.now() - started) / 1000;
      latencies.sort((a, b) => a - b);
      results.push({ mode, messages: count, perSecond: Math.round(count / seconds), p50Ms: percentile(latencies, 0.5), p99Ms: percentile(latencies, 0.99) });
    } finally {
      await checkpointer?.stop();
      handle.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.table(await benchStore());
}
