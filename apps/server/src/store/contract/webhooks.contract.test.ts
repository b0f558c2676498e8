import { expect, it } from 'vitest';
import type { SiteId } from '@hearth/protocol';
import type { NewWebhookEvent } from '../../webhooks/webhook.store.ts';
import { describeEngines } from './engines.ts';
import { seedSite } from './fixtures.ts';

describeEngines('WebhookStore', (ctx) => {
  const endpoint = (id: string, siteId: SiteId, events: Array<'message.created' | 'conversation.closed'> = ['message.created']) => ({
    id,
    siteId,
    url: `https://hooks.example/${id}`,
    description: `about ${id}`,
    events,
    secret: `whsec_${id}`,
    now: 100,
  });
  const event = (id: string, siteId: SiteId, extra: Partial<NewWebhookEvent> = {}): NewWebhookEvent => ({
    id,
    endpointId: 'e1',
    siteId,
    type: 'message.created',
    orderKey: 'c1',
    body: `{"id":"${id}"}`,
    now: 100,
    ...extra,
  });

  it('endpoints: per site, subscribers by event type and enabled state, patched, deleted with their events', async () => {
    const { store, sql } = ctx();
    const a = await seedSite(sql, 'a');
    const b = await seedSite(sql, 'b');
    await store.unit(async (tx) => {
      await tx.webhooks.createEndpoint(endpoint('e1', a.siteId));
      await tx.webhooks.createEndpoint(endpoint('e2', a.siteId, ['conversation.closed', 'message.created']));
      await tx.webhooks.createEndpoint(endpoint('e3', b.siteId));
    });
    expect((await store.read.webhooks.endpointsOf(a.siteId)).map((e) => [e.id, e.events, e.backlog])).toEqual([
      ['e1', ['message.created'], 0],
      ['e2', ['conversation.closed', 'message.created'], 0],
    ]);
    expect(await store.read.webhooks.endpoint(b.siteId, 'e1')).toBeNull();
    expect((await store.read.webhooks.subscribers(a.siteId, 'message.created')).sort()).toEqual(['e1', 'e2']);
    expect(await store.read.webhooks.subscribers(a.siteId, 'conversation.closed')).toEqual(['e2']);
    expect(await store.unit((tx) => tx.webhooks.updateEndpoint(a.siteId, 'e2', { disabledAt: 500, disabledReason: 'kept failing' }, 500))).toBe(true);
    expect(await store.read.webhooks.subscribers(a.siteId, 'message.created')).toEqual(['e1']);
    expect(await store.read.webhooks.target('e2')).toEqual({ id: 'e2', siteId: a.siteId, url: 'https://hooks.example/e2', secret: 'whsec_e2', disabledAt: 500 });
    expect(await store.read.webhooks.endpoint(a.siteId, 'e2')).toMatchObject({ disabledReason: 'kept failing' });
    await store.unit((tx) => tx.webhooks.updateEndpoint(a.siteId, 'e2', { disabledAt: null, url: 'https://hooks.example/new' }, 600));
    expect(await store.read.webhooks.endpoint(a.siteId, 'e2')).toMatchObject({ disabledAt: null, disabledReason: null, url: 'https://hooks.example/new' });
    expect(await store.unit((tx) => tx.webhooks.updateEndpoint(b.siteId, 'e2', { description: 'x' }, 700))).toBe(false);
    await store.unit((tx) => tx.webhooks.enqueue(event('ev1', a.siteId, { endpointId: 'e2' })));
    expect(await store.unit((tx) => tx.webhooks.deleteEndpoint(b.siteId, 'e2'))).toBe(false);
    expect(await store.unit((tx) => tx.webhooks.deleteEndpoint(a.siteId, 'e2'))).toBe(true);
    expect(await store.read.webhooks.backlog()).toBe(0);
  });

  it('the outbox: the head of a line is its oldest undelivered event; one attempt at a time across nodes; delivered, retried, failed', async () => {
    const { store, sql, peer } = ctx();
    const other = await peer();
    const a = await seedSite(sql, 'a');
    await store.unit(async (tx) => {
      await tx.webhooks.createEndpoint(endpoint('e1', a.siteId));
      await tx.webhooks.enqueue(event('ev1', a.siteId));
      await tx.webhooks.enqueue(event('ev2', a.siteId));
      await tx.webhooks.enqueue(event('ev3', a.siteId, { orderKey: 'c2' }));
    });
    expect(await store.read.webhooks.backlog()).toBe(3);
    expect((await store.read.webhooks.endpointsOf(a.siteId))[0]!.backlog).toBe(3);
    expect((await store.read.webhooks.waitingKeys('e1')).sort()).toEqual(['c1', 'c2']);
    expect((await store.read.webhooks.heads('e1', 'c1', 1))[0]).toMatchObject({ id: 'ev1', status: 'pending', attempts: 0, body: '{"id":"ev1"}' });
    expect((await store.read.webhooks.heads('e1', 'c1', 5)).map((e) => e.id)).toEqual(['ev1', 'ev2']);
    // Taken and given back unattempted: pending again, the attempt uncounted.
    await store.unit((tx) => tx.webhooks.take('ev2', 900, 500));
    await store.unit((tx) => tx.webhooks.release(['ev2'], 950));
    expect((await store.read.webhooks.heads('e1', 'c1', 5))[1]).toMatchObject({ id: 'ev2', status: 'pending', attempts: 0 });
    expect(await store.unit((tx) => tx.webhooks.take('ev1', 1000, 500))).toMatchObject({ taken: { id: 'ev1', status: 'sending', attempts: 1 } });
    expect(await other.unit((tx) => tx.webhooks.take('ev1', 1200, 500))).toEqual({ busyUntil: 1500 });
    // The head stays ev1 while it is being sent: ev2 waits behind it.
    expect(((await store.read.webhooks.heads('e1', 'c1', 1))[0])!.id).toBe('ev1');
    await store.unit(async (tx) => {
      await tx.webhooks.recordAttempt({ eventId: 'ev1', endpointId: 'e1', attempt: 1, statusCode: 500, error: 'HTTP 500', durationMs: 12, at: 1100 });
      await tx.webhooks.markRetrying('ev1', 500, 'HTTP 500', 3000, 1100);
    });
    expect((await store.read.webhooks.heads('e1', 'c1', 1))[0]).toMatchObject({ id: 'ev1', status: 'pending', nextAttemptAt: 3000, attempts: 1 });
    expect(await other.unit((tx) => tx.webhooks.take('ev1', 3000, 500))).toMatchObject({ taken: { attempts: 2 } });
    await other.unit(async (tx) => {
      await tx.webhooks.recordAttempt({ eventId: 'ev1', endpointId: 'e1', attempt: 2, statusCode: 204, error: null, durationMs: 8, at: 3010 });
      await tx.webhooks.markDelivered('ev1', 204, 3010);
    });
    expect(await store.unit((tx) => tx.webhooks.take('ev1', 4000, 500))).toEqual({ done: true });
    expect(((await store.read.webhooks.heads('e1', 'c1', 1))[0])!.id).toBe('ev2');
    expect(await store.read.webhooks.attempts(a.siteId, 'ev1')).toEqual([
      { attempt: 1, statusCode: 500, error: 'HTTP 500', durationMs: 12, at: 1100 },
      { attempt: 2, statusCode: 204, error: null, durationMs: 8, at: 3010 },
    ]);
    const b = await seedSite(sql, 'b');
    expect(await store.read.webhooks.attempts(b.siteId, 'ev1')).toEqual([]);
    await store.unit(async (tx) => {
      await tx.webhooks.take('ev2', 5000, 500);
      await tx.webhooks.markFailed('ev2', null, 'connection refused', 5001);
    });
    expect((await store.read.webhooks.deliveries(a.siteId, 'e1', 10)).map((d) => [d.eventId, d.status, d.attempts, d.lastStatus])).toEqual([
      ['ev3', 'pending', 0, null],
      ['ev2', 'failed', 1, null],
      ['ev1', 'delivered', 2, 204],
    ]);
    expect(await store.read.webhooks.deliveries(b.siteId, 'e1', 10)).toEqual([]);
    // Redeliver: only the site's delivered or failed events, back in line with attempts reset.
    expect(await store.unit((tx) => tx.webhooks.requeue(b.siteId, 'e1', 'ev1', 6000))).toBeNull();
    expect(await store.unit((tx) => tx.webhooks.requeue(a.siteId, 'e1', 'ev3', 6000))).toBeNull();
    expect(await store.unit((tx) => tx.webhooks.requeue(a.siteId, 'e1', 'ev1', 6000))).toBe('c1');
    expect((await store.read.webhooks.heads('e1', 'c1', 1))[0]).toMatchObject({ id: 'ev1', status: 'pending', attempts: 0, nextAttemptAt: 6000 });
    // Trim: delivered and failed rows older than the cut, with their attempts.
    expect(await store.unit((tx) => tx.webhooks.trim(5500))).toBe(1);
    expect(await store.read.webhooks.attempts(a.siteId, 'ev2')).toEqual([]);
    expect(await store.read.webhooks.backlog()).toBe(2);
  });
});
