import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SiteId, WebhookAttempt, WebhookDelivery, WebhookEndpoint, WebhookEndpointCreated } from '@hearth/protocol';
import { startServer, type Harness } from './harness.ts';
import { startReceiver, verifyHearthSignature } from './webhook-receiver.ts';
import { queueWebhookEvent } from '../src/webhooks/webhook-events.ts';
import { identityHash } from '../src/identity/identity-rules.ts';

const FAST = { WEBHOOKS_ALLOW_PRIVATE: 'true', WEBHOOK_RETRY_MS: '40', JOBS_POLL_MS: '50' };
const receivers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const r of receivers.splice(0)) await r.close();
});

async function receiver(options: Parameters<typeof startReceiver>[0] = {}) {
  const r = await startReceiver(options);
  receivers.push(r);
  return r;
}

async function addEndpoint(h: Harness, url: string, events: string[] = ['message.created', 'conversation.created']) {
  const owner = await h.login(h.siteA.ownerEmail);
  const res = await h.request('POST', `/api/sites/${h.siteA.siteId}/webhooks`, owner, { url, events, description: 'CRM' });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { owner, created: res.body as unknown as WebhookEndpointCreated };
}

async function waitUntil<T>(read: () => Promise<T>, done: (v: T) => boolean, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out; last value ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 30));
  }
}

describe('webhooks', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startServer({ env: FAST });
  });
  afterAll(async () => {
    await h.close();
  });

  it('an owner adds an endpoint and gets its secret; a test event arrives signed, with its id in header and body', async () => {
    const r = await receiver();
    const { owner, created } = await addEndpoint(h, r.url);
    expect(created.secret).toMatch(/^whsec_/);
    expect(created.endpoint).toMatchObject({ url: r.url, description: 'CRM', events: ['message.created', 'conversation.created'], disabledAt: null });
    const sent = await h.request('POST', `/api/sites/${h.siteA.siteId}/webhooks/${created.id}/test`, owner);
    expect(sent.status).toBe(202);
    const [got] = await r.waitFor(1);
    expect(got!.json).toMatchObject({ type: 'webhook.test', siteId: h.siteA.siteId, id: expect.stringMatching(/^evt_/) });
    expect(got!.headers['hearth-event-id']).toBe(got!.json.id);
    expect(got!.headers['content-type']).toBe('application/json');
    const signature = String(got!.headers['hearth-signature']);
    expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifyHearthSignature(created.secret, got!.body, signature)).toBe(true);
    expect(verifyHearthSignature('whsec_wrong', got!.body, signature)).toBe(false);
    expect(verifyHearthSignature(created.secret, `${got!.body} `, signature)).toBe(false);
    // The log shows it delivered at the first attempt.
    const log = await waitUntil(
      () => h.request('GET', `/api/sites/${h.siteA.siteId}/webhooks/${created.id}/deliveries`, owner).then((res) => res.body.deliveries as WebhookDelivery[]),
      (d) => d[0]?.status === 'delivered',
    );
    expect(log[0]).toMatchObject({ eventId: got!.json.id, type: 'webhook.test', attempts: 1, lastStatus: 200 });
  });

  it('a receiver that answers 500 three times then 200 gets the event four times, and the log shows four attempts; redeliver sends it once more', async () => {
    const r = await receiver({ script: [500, 500, 500] });
    const { owner, created } = await addEndpoint(h, r.url);
    await h.request('POST', `/api/sites/${h.siteA.siteId}/webhooks/${created.id}/test`, owner);
    const got = await r.waitFor(4);
    expect(new Set(got.map((g) => g.json.id)).size).toBe(1);
    expect(new Set(got.map((g) => g.body)).size).toBe(1);
    const path = `/api/sites/${h.siteA.siteId}/webhooks/${created.id}/deliveries`;
    const [delivery] = await waitUntil(
      () => h.request('GET', path, owner).then((res) => res.body.deliveries as WebhookDelivery[]),
      (d) => d[0]?.status === 'delivered',
    );
    expect(delivery).toMatchObject({ attempts: 4, lastStatus: 200, lastError: null });
    const attempts = (await h.request('GET', `${path}/${delivery!.eventId}`, owner)).body.attempts as WebhookAttempt[];
    expect(attempts.map((a) => a.statusCode)).toEqual([500, 500, 500, 200]);
    expect(attempts.map((a) => a.attempt)).toEqual([1, 2, 3, 4]);
    expect(attempts[0]!.error).toMatch(/HTTP 500/);
    // Backoff: each wait at least ~0.9 × 40 ms × 2^(n-1).
    expect(attempts[2]!.at - attempts[1]!.at).toBeGreaterThanOrEqual(60);
    // Redeliver: once more, same event id.
    expect((await h.request('POST', `${path}/${delivery!.eventId}/redeliver`, owner)).status).toBe(202);
    const again = await r.waitFor(5);
    expect(again[4]!.json.id).toBe(delivery!.eventId);
    // Someone else's endpoint or event: 404.
    const ownerB = await h.login(h.siteB.ownerEmail);
    expect((await h.request('POST', `/api/sites/${h.siteB.siteId}/webhooks/${created.id}/deliveries/${delivery!.eventId}/redeliver`, ownerB)).status).toBe(404);
    expect((await h.request('GET', `/api/sites/${h.siteB.siteId}/webhooks/${created.id}/deliveries`, ownerB)).status).toBe(404);
  });

  it('events of one conversation arrive in order even when the first is retried; other conversations are not held up', async () => {
    let refusals = 0;
    const r = await receiver({ respond: (got) => (got.json.data.line === 'conv-1' && got.json.data.n === 1 && refusals++ < 2 ? 503 : undefined) });
    const { created } = await addEndpoint(h, r.url);
    const siteId = h.siteA.siteId as SiteId;
    await h.app.store.unit(async (tx) => {
      for (let i = 1; i <= 5; i++) await queueWebhookEvent(tx, { siteId, type: 'message.created', orderKey: 'conv-1', data: { line: 'conv-1', n: i }, at: Date.now() }, created.id);
      await queueWebhookEvent(tx, { siteId, type: 'message.created', orderKey: 'conv-2', data: { line: 'conv-2', n: 1 }, at: Date.now() }, created.id);
    });
    const got = await r.waitFor(8);
    const line1 = got.filter((g) => g.json.data.line === 'conv-1').map((g) => g.json.data.n);
    expect(line1).toEqual([1, 1, 1, 2, 3, 4, 5]);
    // conv-2 went out while conv-1 waited for its retry.
    const order = got.map((g) => `${g.json.data.line}#${g.json.data.n}`);
    expect(order.indexOf('conv-2#1')).toBeLessThan(order.indexOf('conv-1#2'));
  });

  it('plain agents and other sites’ owners cannot see or change endpoints; the secret is the owner’s only', async () => {
    const r = await receiver();
    const { created } = await addEndpoint(h, r.url);
    const agent = await h.login(h.siteA.agentEmail);
    expect((await h.request('GET', `/api/sites/${h.siteA.siteId}/webhooks`, agent)).status).toBe(403);
    expect((await h.request('DELETE', `/api/sites/${h.siteA.siteId}/webhooks/${created.id}`, agent)).status).toBe(403);
    const ownerB = await h.login(h.siteB.ownerEmail);
    expect((await h.request('GET', `/api/sites/${h.siteA.siteId}/webhooks`, ownerB)).status).toBe(404);
    expect((await h.request('DELETE', `/api/sites/${h.siteB.siteId}/webhooks/${created.id}`, ownerB)).status).toBe(404);
    const owner = await h.login(h.siteA.ownerEmail);
    const list = (await h.request('GET', `/api/sites/${h.siteA.siteId}/webhooks`, owner)).body.endpoints as WebhookEndpoint[];
    expect(list.find((e) => e.id === created.id)?.secret).toBe(created.secret);
    expect((await h.request('DELETE', `/api/sites/${h.siteA.siteId}/webhooks/${created.id}`, owner)).status).toBe(204);
    expect((await h.request('GET', `/api/sites/${h.siteA.siteId}/webhooks/${created.id}/deliveries`, owner)).status).toBe(404);
  });

  it('visitor.identified once per newly identified visitor; trigger.prompt_shown and trigger.converted from the loader’s beacons', async () => {
    const r = await receiver();
    const owner = await h.login(h.siteA.ownerEmail);
    const res = await h.request('POST', `/api/sites/${h.siteA.siteId}/webhooks`, owner, { url: r.url, events: ['visitor.identified', 'trigger.prompt_shown', 'trigger.converted'] });
    expect(res.status).toBe(201);
    const secret = (await h.sqlValue<string>('select secret from sites where id = ?', [h.siteA.siteId]))!;
    const identity = { id: 'crm-42', email: 'ann@shop.test', name: 'Ann', hash: identityHash(secret, 'crm-42') };
    const first = (await h.post('/api/widget/session', { siteKey: h.siteA.siteKey, identity })).body as { token: string; visitorId: string };
    // The same visitor loading another page with their token: not identified again.
    await h.post('/api/widget/session', { siteKey: h.siteA.siteKey, token: first.token, identity });
    const trigger = await h.request('POST', `/api/sites/${h.siteA.siteId}/triggers`, owner, {
      name: 'Cart nudge',
      when: [[{ signal: 'cart_abandon' }]],
      action: { message: 'Need help with your cart?', senderName: null, openPanel: false },
    });
    const triggerId = (trigger.body as { trigger: { id: string } }).trigger.id;
    const beacon = (events: unknown[]) =>
      fetch(`${h.url}/api/widget/signals`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ siteKey: h.siteA.siteKey, visitId: 'visit-hook-1', events }) });
    expect((await beacon([{ type: 'shown', triggerId, at: 1000 }])).status).toBe(200);
    expect((await beacon([{ type: 'purchase', value: 84.5, currency: 'EUR', at: 2000 }])).status).toBe(200);
    const got = await r.waitFor(3);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(r.received).toHaveLength(3);
    const byType = Object.fromEntries(got.map((g) => [g.json.type, g.json.data]));
    expect(byType['visitor.identified']).toEqual({ visitorId: first.visitorId, externalId: 'crm-42', name: 'Ann', email: 'ann@shop.test', verified: true });
    expect(byType['trigger.prompt_shown']).toEqual({ triggerId, visitId: 'visit-hook-1', shownAt: 1000 });
    expect(byType['trigger.converted']).toEqual({ triggerId, visitId: 'visit-hook-1', value: 84.5, currency: 'EUR', purchasedAt: 2000 });
  });

  it('/metrics shows the webhook outbox backlog', async () => {
    const metrics = await fetch(`${h.url}/metrics`).then((res) => res.text());
    expect(metrics).toMatch(/hearth_outbox_backlog\{outbox="webhooks"\} \d+/);
  });
});

describe('webhooks without WEBHOOKS_ALLOW_PRIVATE', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startServer({ env: { WEBHOOK_RETRY_MS: '40', JOBS_POLL_MS: '50' } });
  });
  afterAll(async () => {
    await h.close();
  });

  it('a URL pointing at a private or local address is refused; so is a scheme other than http(s)', async () => {
    const owner = await h.login(h.siteA.ownerEmail);
    for (const url of ['http://127.0.0.1:9/x', 'http://localhost/x', 'http://169.254.169.254/latest/meta-data', 'http://10.0.0.8/', 'http://[::1]/x', 'http://[::ffff:127.0.0.1]/x']) {
      const res = await h.request('POST', `/api/sites/${h.siteA.siteId}/webhooks`, owner, { url, events: ['message.created'] });
      expect(res.status, url).toBe(400);
      expect((res.body as { error: { code: string } }).error.code, url).toBe('url_not_allowed');
    }
    const ftp = await h.request('POST', `/api/sites/${h.siteA.siteId}/webhooks`, owner, { url: 'ftp://example.com/x', events: ['message.created'] });
    expect(ftp.status).toBe(400);
  });

  it('the sender checks the address it dials too: an endpoint that points inside is never called', async () => {
    const r = await receiver();
    const owner = await h.login(h.siteA.ownerEmail);
    // As if the name had resolved to a public address when it was saved.
    await h.sql('insert into webhook_endpoints (id, site_id, url, description, events, secret, created_at, updated_at) values (?, ?, ?, ?, ?, ?, 0, 0)', [
      'ep-inside',
      h.siteA.siteId,
      r.url.replace('127.0.0.1', 'localhost'),
      '',
      '["message.created"]',
      'whsec_x',
    ]);
    expect((await h.request('POST', `/api/sites/${h.siteA.siteId}/webhooks/ep-inside/test`, owner)).status).toBe(202);
    const [delivery] = await waitUntil(
      () => h.request('GET', `/api/sites/${h.siteA.siteId}/webhooks/ep-inside/deliveries`, owner).then((res) => res.body.deliveries as WebhookDelivery[]),
      (d) => (d[0]?.attempts ?? 0) >= 2,
    );
    expect(delivery!.lastError).toMatch(/private address/);
    expect(r.received).toHaveLength(0);
  });
});

describe('webhooks across a restart', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-webhooks-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('events committed but not yet delivered when Hearth stopped are delivered after it starts again', async () => {
    const file = join(dir, 'hearth.db');
    const r = await receiver();
    let h = await startServer({ databaseFile: file, env: FAST });
    const { owner, created } = await addEndpoint(h, r.url);
    // As if the process died right after the commits: the sender never runs.
    await h.app.jobs.close();
    for (let i = 0; i < 3; i++) expect((await h.request('POST', `/api/sites/${h.siteA.siteId}/webhooks/${created.id}/test`, owner)).status).toBe(202);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(r.received).toHaveLength(0);
    await h.close();

    h = await startServer({ databaseFile: file, env: FAST });
    try {
      const got = await r.waitFor(3);
      expect(new Set(got.map((g) => g.json.id)).size).toBe(3);
      expect(got.every((g) => verifyHearthSignature(created.secret, g.body, String(g.headers['hearth-signature'])))).toBe(true);
    } finally {
      await h.close();
    }
  });
});
