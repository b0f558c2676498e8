import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SiteIdSchema, WebhookEndpointCreateSchema, WebhookEndpointUpdateSchema, type WebhookEndpointCreated } from '@hearth/protocol';
import { authorizeSite } from '../auth/request-auth.ts';
import { queueWebhookEvent, scheduleDelivery } from './webhook-events.ts';
import type { AddressCheck } from './webhook-address.ts';

const siteParams = z.strictObject({ siteId: SiteIdSchema });
const endpointParams = z.strictObject({ siteId: SiteIdSchema, endpointId: z.string().min(1).max(64) });
const eventParams = z.strictObject({ siteId: SiteIdSchema, endpointId: z.string().min(1).max(64), eventId: z.string().min(1).max(64) });
const DELIVERIES_SHOWN = 100;

const notFound = { error: { code: 'not_found', message: 'No such webhook endpoint.' } };

/**
 * Owners' webhook endpoints (Settings → Webhooks, or over HTTP): add, change, re-enable, delete;
 * the delivery log with each event's attempts; redeliver; send a test event. A URL must be
 * http(s) and resolve to public addresses (unless WEBHOOKS_ALLOW_PRIVATE).
 */
export const webhookRoutes: FastifyPluginAsyncZod<{ checkAddress: AddressCheck }> = async (app, { checkAddress }) => {
  const { store } = app;

  app.get('/api/sites/:siteId/webhooks', { schema: { params: siteParams } }, async (request) => {
    await authorizeSite(store, request, request.params.siteId, 'owner');
    return { endpoints: await store.read.webhooks.endpointsOf(request.params.siteId) };
  });

  app.post('/api/sites/:siteId/webhooks', { schema: { params: siteParams, body: WebhookEndpointCreateSchema } }, async (request, reply) => {
    const { siteId } = request.params;
    await authorizeSite(store, request, siteId, 'owner');
    const refused = await checkAddress(request.body.url);
    if (refused) return reply.code(400).send({ error: { code: 'url_not_allowed', message: refused } });
    const id = randomUUID();
    const secret = `whsec_${randomBytes(24).toString('base64url')}`;
    const events = [...new Set(request.body.events)];
    const endpoint = await store.unit(async (tx) => {
      await tx.webhooks.createEndpoint({ id, siteId, url: request.body.url, description: request.body.description ?? '', events, secret, now: Date.now() });
      return (await tx.webhooks.endpoint(siteId, id))!;
    });
    const created: WebhookEndpointCreated = { id, secret, endpoint };
    return reply.code(201).send(created);
  });

  app.patch('/api/sites/:siteId/webhooks/:endpointId', { schema: { params: endpointParams, body: WebhookEndpointUpdateSchema } }, async (request, reply) => {
    const { siteId, endpointId } = request.params;
    await authorizeSite(store, request, siteId, 'owner');
    const { url, events, description, enabled } = request.body;
    if (url !== undefined) {
      const refused = await checkAddress(url);
      if (refused) return reply.code(400).send({ error: { code: 'url_not_allowed', message: refused } });
    }
    const now = Date.now();
    const endpoint = await store.unit(async (tx) => {
      const patch = {
        ...(url !== undefined ? { url } : {}),
        ...(events !== undefined ? { events: [...new Set(events)] } : {}),
        ...(description !== undefined ? { description } : {}),
        ...(enabled === true ? { disabledAt: null } : enabled === false ? { disabledAt: now, disabledReason: 'Paused by an owner.' } : {}),
      };
      if (!(await tx.webhooks.updateEndpoint(siteId, endpointId, patch, now))) return null;
      // Back on: its waiting lines start again.
      if (enabled === true) {
        const keys = await tx.webhooks.waitingKeys(endpointId);
        for (const key of keys) await scheduleDelivery(tx, siteId, endpointId, key, now);
        if (keys.length > 0) await tx.facts.record('webhook.queued', { count: keys.length });
      }
      return tx.webhooks.endpoint(siteId, endpointId);
    });
    return endpoint ? { endpoint } : reply.code(404).send(notFound);
  });

  app.delete('/api/sites/:siteId/webhooks/:endpointId', { schema: { params: endpointParams } }, async (request, reply) => {
    const { siteId, endpointId } = request.params;
    await authorizeSite(store, request, siteId, 'owner');
    const deleted = await store.unit((tx) => tx.webhooks.deleteEndpoint(siteId, endpointId));
    return deleted ? reply.code(204).send() : reply.code(404).send(notFound);
  });

  app.get('/api/sites/:siteId/webhooks/:endpointId/deliveries', { schema: { params: endpointParams } }, async (request, reply) => {
    const { siteId, endpointId } = request.params;
    await authorizeSite(store, request, siteId, 'owner');
    const endpoint = await store.read.webhooks.endpoint(siteId, endpointId);
    if (!endpoint) return reply.code(404).send(notFound);
    return { endpoint, deliveries: await store.read.webhooks.deliveries(siteId, endpointId, DELIVERIES_SHOWN) };
  });

  app.get('/api/sites/:siteId/webhooks/:endpointId/deliveries/:eventId', { schema: { params: eventParams } }, async (request, reply) => {
    const { siteId, endpointId, eventId } = request.params;
    await authorizeSite(store, request, siteId, 'owner');
    if (!(await store.read.webhooks.endpoint(siteId, endpointId))) return reply.code(404).send(notFound);
    return { attempts: await store.read.webhooks.attempts(siteId, eventId) };
  });

  app.post('/api/sites/:siteId/webhooks/:endpointId/deliveries/:eventId/redeliver', { schema: { params: eventParams } }, async (request, reply) => {
    const { siteId, endpointId, eventId } = request.params;
    await authorizeSite(store, request, siteId, 'owner');
    const now = Date.now();
    const requeued = await store.unit(async (tx) => {
      const orderKey = await tx.webhooks.requeue(siteId, endpointId, eventId, now);
      if (orderKey === null) return false;
      await scheduleDelivery(tx, siteId, endpointId, orderKey, now);
      await tx.facts.record('webhook.queued', { count: 1 });
      return true;
    });
    if (!requeued) return reply.code(404).send({ error: { code: 'not_found', message: 'No delivered or failed event with this id.' } });
    return reply.code(202).send({ queued: true });
  });

  app.post('/api/sites/:siteId/webhooks/:endpointId/test', { schema: { params: endpointParams } }, async (request, reply) => {
    const { siteId, endpointId } = request.params;
    await authorizeSite(store, request, siteId, 'owner');
    const now = Date.now();
    const queued = await store.unit(async (tx) => {
      if (!(await tx.webhooks.endpoint(siteId, endpointId))) return 0;
      return queueWebhookEvent(tx, { siteId, type: 'webhook.test', data: { message: 'A test event from Hearth.' }, at: now }, endpointId);
    });
    if (queued === 0) return reply.code(404).send(notFound);
    return reply.code(202).send({ queued: true });
  });
};
