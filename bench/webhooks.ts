/**
 * Webhook delivery benchmark: Hearth's real sender (outbox rows, `webhook.deliver` jobs on their
 * lane, signed POSTs over kept-alive connections) delivering to a local HTTP receiver on
 * 127.0.0.1. Events are written in units of 50 (as facts of a busy site would be), spread over
 * `lines` conversations (each delivered in order); the figure is events delivered per second from
 * the first write to the last receipt. Bounded: fixed counts, a temp database, everything closed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SiteId } from '@hearth/protocol';
import { buildApp } from '../apps/server/src/app.ts';
import { ConfigSchema } from '../apps/server/src/config.ts';
import { createSiteWithTeam } from '../apps/server/src/bootstrap/installation.ts';
import { queueWebhookEvent } from '../apps/server/src/webhooks/webhook-events.ts';

export interface WebhookBenchResult {
  events: number;
  lines: number;
  delivered: number;
  /** Receipts that repeated an event id (at-least-once; expected 0 in a clean run). */
  duplicates: number;
  /** True when every line's events arrived in the order they were written. */
  inOrder: boolean;
  elapsedMs: number;
  eventsPerSecond: number;
  /** Write (event time) → receipt, over all events. */
  latencyP50Ms: number;
  latencyP99Ms: number;
}

const BATCH = 50;

export async function benchWebhooks(options: { events: number; lines: number }): Promise<WebhookBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-bench-webhooks-'));
  const seen = new Map<string, number>();
  const lastOfLine = new Map<string, number>();
  const latencies: number[] = [];
  let duplicates = 0;
  let inOrder = true;
  let done: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (done = resolve));
  const receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { id: string; createdAt: number; data: { line: string; n: number } };
      res.writeHead(204).end();
      if (seen.has(body.id)) duplicates++;
      seen.set(body.id, Date.now());
      latencies.push(Date.now() - body.createdAt);
      if ((lastOfLine.get(body.data.line) ?? -1) > body.data.n) inOrder = false;
      lastOfLine.set(body.data.line, body.data.n);
      if (seen.size === options.events) done();
    });
  });
  receiver.keepAliveTimeout = 10_000;
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;

  const config = ConfigSchema.parse({ PORT: '0', DATABASE_FILE: join(dir, 'bench.db'), LOG_LEVEL: 'warn', HEARTH_DEMO: 'false', WEBHOOKS_ALLOW_PRIVATE: 'true' });
  const app = await buildApp(config, { logger: false });
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { siteId } = await createSiteWithTeam(app.store, { name: 'Bench' }, [{ email: 'owner@bench.test', name: 'Owner', password: 'bench-password', role: 'owner' }]);
    const endpointId = 'bench-endpoint';
    await app.store.unit((tx) => tx.webhooks.createEndpoint({ id: endpointId, siteId, url, description: '', events: ['message.created'], secret: 'whsec_bench', now: Date.now() }));

    const started = performance.now();
    for (let first = 0; first < options.events; first += BATCH) {
      await app.store.unit(async (tx) => {
        for (let i = first; i < Math.min(options.events, first + BATCH); i++) {
          const line = `conv-${i % options.lines}`;
          await queueWebhookEvent(tx, { siteId: siteId as SiteId, type: 'message.created', orderKey: line, data: { line, n: Math.floor(i / options.lines) }, at: Date.now() }, endpointId);
        }
      });
    }
    await Promise.race([finished, new Promise((resolve) => setTimeout(resolve, 120_000))]);
    const elapsedMs = performance.now() - started;
    latencies.sort((a, b) => a - b);
    const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0;
    return {
      events: options.events,
      lines: options.lines,
      delivered: seen.size,
      duplicates,
      inOrder,
      elapsedMs: Math.round(elapsedMs),
      eventsPerSecond: Math.round((seen.size / elapsedMs) * 1000),
      latencyP50Ms: pct(0.5),
      latencyP99Ms: pct(0.99),
    };
  } finally {
    await app.close();
    receiver.closeAllConnections();
    await new Promise((resolve) => receiver.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  }
}
