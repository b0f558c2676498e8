import { networkInterfaces } from 'node:os';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { ConfigSchema } from '../src/config.ts';
import { buildApp } from '../src/app.ts';
import { ask, sleep, startServer, type Harness } from './harness.ts';

/** One sample's value from Prometheus text, e.g. `hearth_open_sockets{namespace="visitor"}`. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('health, readiness and metrics (a real server on port 0)', () => {
  // One server for the file; the readiness test, which ends draining, runs last.
  let h: Harness;
  beforeAll(async () => {
    h = await startServer();
  });
  afterAll(async () => h?.close());

  it('/metrics counts accepted messages, ack latency by event, sockets, the queue, commit batches, outboxes and event-loop lag', async () => {
    h.app.metrics.registerOutbox('mail', { backlog: () => 3, oldestSeconds: async () => 42 });
    h.app.metrics.registerOutbox('broken-example', {
      backlog: () => {
        throw new Error('table is locked');
      },
    });
    const { socket: visitor } = await h.visitor();
    const sent = await ask(visitor, 'message:send', { clientId: randomUUID(), body: 'Is the oak table in stock?' });
    expect(sent.ok).toBe(true);
    const refused = await ask(visitor, 'message:send', { clientId: 'not a uuid', body: '' } as never);
    expect(refused.ok).toBe(false);

    const res = await fetch(`${h.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(sample(text, 'hearth_messages_accepted_total{namespace="visitor"}')).toBe(1);
    expect(sample(text, 'hearth_command_ack_seconds_count{namespace="visitor",event="message:send"}')).toBe(2);
    expect(sample(text, 'hearth_commands_total{namespace="visitor",event="message:send",outcome="ok"}')).toBe(1);
    expect(sample(text, 'hearth_commands_total{namespace="visitor",event="message:send",outcome="invalid_payload"}')).toBe(1);
    expect(sample(text, 'hearth_command_ack_seconds_sum{namespace="visitor",event="message:send"}')).toBeGreaterThan(0);
    expect(sample(text, 'hearth_open_sockets{namespace="visitor"}')).toBe(1);
    expect(sample(text, 'hearth_open_sockets{namespace="agent"}')).toBe(0);
    // Nobody is online: the new conversation waits.
    expect(sample(text, 'hearth_conversations_waiting')).toBe(1);
    // The group commit is SQLite's (PostgreSQL commits each unit on its own): batches only there.
    if (h.app.store.engine === 'sqlite') expect(sample(text, 'hearth_commit_batch_units_count')).toBeGreaterThanOrEqual(1);
    else expect(text).toContain('# TYPE hearth_commit_batch_units histogram');
    expect(sample(text, 'hearth_outbox_backlog{outbox="mail"}')).toBe(3);
    expect(sample(text, 'hearth_outbox_oldest_seconds{outbox="mail"}')).toBe(42);
    // A failing reading is left out of the scrape, which still answers.
    expect(text).not.toContain('outbox="broken-example"');
    expect(sample(text, 'nodejs_eventloop_lag_p99_seconds')).toBeGreaterThanOrEqual(0);
    expect(() => h.app.metrics.registerOutbox('mail', { backlog: () => 0 })).toThrow(/twice/);

    // An agent comes online and takes the conversation: the queue empties, the agent socket counts.
    await h.agent();
    let after = '';
    for (let i = 0; i < 100; i++) {
      after = await (await fetch(`${h.url}/metrics`)).text();
      if (sample(after, 'hearth_conversations_waiting') === 0) break;
      await sleep(20);
    }
    expect(sample(after, 'hearth_open_sockets{namespace="agent"}')).toBe(1);
    expect(sample(after, 'hearth_conversations_waiting')).toBe(0);
  });

  it('/metrics is never public by default: a forwarded request or a non-loopback client gets 404', async () => {
    const forwarded = await fetch(`${h.url}/metrics`, { headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(forwarded.status).toBe(404);
    expect(await forwarded.json()).toEqual({ error: { code: 'not_found', message: 'Not found.' } });
    expect((await fetch(`${h.url}/metrics`, { headers: { forwarded: 'for=203.0.113.9' } })).status).toBe(404);
    const remote = await h.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '203.0.113.9' });
    expect(remote.statusCode).toBe(404);
  });

  it('/healthz answers while the process runs; /readyz checks the database, its migrations and registered checks', async () => {
    const health = await fetch(`${h.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });

    const ready = await fetch(`${h.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { database: 'ok' } });

    // Cluster mode's Redis check goes through the same hook: a dependency that fails, or hangs, is not ready.
    let redisUp = true;
    h.app.readiness.add('redis', async () => {
      if (!redisUp) throw new Error('connect ECONNREFUSED 127.0.0.1:6379');
    });
    expect((await fetch(`${h.url}/readyz`)).status).toBe(200);
    redisUp = false;
    const down = await fetch(`${h.url}/readyz`);
    expect(down.status).toBe(503);
    const body = await down.json();
    expect(body).toEqual({ status: 'not_ready', checks: { database: 'ok', redis: 'failed' } });
    expect(JSON.stringify(body)).not.toContain('ECONNREFUSED');
    redisUp = true;

    // A database whose newest migration is missing (another node's, or a half-applied upgrade) is not ready.
    const newest = (await h.sqlOne<{ hash: string; created_at: number }>(
      'select hash, created_at from __drizzle_migrations order by created_at desc limit 1',
    ))!;
    await h.sql('delete from __drizzle_migrations where created_at = ?', [newest.created_at]);
    const behind = await fetch(`${h.url}/readyz`);
    expect(behind.status).toBe(503);
    expect(await behind.json()).toEqual({ status: 'not_ready', checks: { database: 'failed', redis: 'ok' } });
    await h.sql('insert into __drizzle_migrations (hash, created_at) values (?, ?)', [newest.hash, newest.created_at]);
    expect((await fetch(`${h.url}/readyz`)).status).toBe(200);

    // Draining for a shutdown: not ready, so a balancer stops sending; still healthy.
    h.app.lifecycle.drain();
    const draining = await fetch(`${h.url}/readyz`);
    expect(draining.status).toBe(503);
    expect(await draining.json()).toMatchObject({ status: 'draining' });
    expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
  });

  describe('over the network', () => {
    let app: FastifyInstance | null = null;
    afterEach(async () => {
      await app?.close();
      app = null;
    });
    const start = async (env: Record<string, string>) => {
      app = await buildApp(ConfigSchema.parse({ PORT: '0', DATABASE_FILE: ':memory:', LOG_LEVEL: 'silent', ...env }), { logger: false });
      await app.listen({ port: 0, host: env.HOST ?? '127.0.0.1' });
      return (app.server.address() as { port: number }).port;
    };

    it("refuses a client on this machine's network address (not loopback)", async () => {
      const lan = Object.values(networkInterfaces())
        .flat()
        .find((i) => i && !i.internal && i.family === 'IPv4');
      // Machines without a network interface still check the rule through a loopback connection.
      const host = lan?.address ?? '127.0.0.1';
      const port = await start({ HOST: lan ? '0.0.0.0' : '127.0.0.1' });
      const res = await fetch(`http://${host}:${port}/metrics`);
      expect(res.status).toBe(lan ? 404 : 200);
      expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(200);
    });

    it('METRICS_PORT serves /metrics on its own listener and nowhere else', async () => {
      const port = await start({ METRICS_PORT: '0' });
      expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(404);
      const listener = app!.metrics.listenerAddress();
      expect(listener).not.toBeNull();
      const res = await fetch(`http://127.0.0.1:${listener!.port}/metrics`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('hearth_open_sockets{namespace="visitor"} 0');
      expect((await fetch(`http://127.0.0.1:${listener!.port}/anything`)).status).toBe(404);
      await app!.close();
      app = null;
      // Closed with the app.
      await expect(fetch(`http://127.0.0.1:${listener!.port}/metrics`)).rejects.toThrow();
    });
  });
});
