import fp from 'fastify-plugin';
import type { Config } from '../config.ts';
import { createWebhookPoster } from './webhook-http.ts';
import { webhookDeliverJob } from './webhook-sender.ts';
import { WEBHOOK_DELIVER_JOB, queueWebhookEvent } from './webhook-events.ts';
import { addressCheck } from './webhook-address.ts';
import { webhookRoutes } from './webhooks.routes.ts';

const TRIM_JOB = 'webhook.trim';
/** Conversations delivered side by side (each one's events still one after another). */
const DELIVERY_CONCURRENCY = 8;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Delivered and failed events stay in the delivery log this long. */
const KEEP_MS = 30 * DAY_MS;

/**
 * Webhooks (issue 19): facts become outbox rows in the unit that records them (store.onFact), a
 * `webhook.deliver` job per conversation line delivers them in order on its own scheduler lane,
 * and owners manage endpoints and watch deliveries. Registered before the features whose facts it
 * hears, so its hooks exist before any unit runs.
 */
export default fp<{ config: Config }>(
  async (app, { config }) => {
    const { store } = app;

    // Facts of features other than the conversation core (its own are in webhook-facts.ts).
    store.onFact('csat.rated', async (tx, r) => {
      const data = { conversationId: r.conversationId, visitorId: r.visitorId, agentId: r.agentId, score: r.score, ces: r.ces, comment: r.comment };
      await queueWebhookEvent(tx, { siteId: r.siteId, type: 'csat.rated', orderKey: r.conversationId, data, at: r.now });
    });
    store.onFact('visitor.identified', async (tx, v) => {
      const data = { visitorId: v.visitorId, externalId: v.externalId, name: v.name, email: v.email, verified: v.verified };
      await queueWebhookEvent(tx, { siteId: v.siteId, type: 'visitor.identified', orderKey: `visitor:${v.visitorId}`, data, at: v.now });
    });
    store.onFact('trigger.prompt_shown', async (tx, t) => {
      await queueWebhookEvent(tx, { siteId: t.siteId, type: 'trigger.prompt_shown', orderKey: `visit:${t.visitId}`, data: { triggerId: t.triggerId, visitId: t.visitId, shownAt: t.at }, at: t.now });
    });
    store.onFact('trigger.converted', async (tx, t) => {
      const data = { triggerId: t.triggerId, visitId: t.visitId, value: t.value, currency: t.currency, purchasedAt: t.at };
      await queueWebhookEvent(tx, { siteId: t.siteId, type: 'trigger.converted', orderKey: `visit:${t.visitId}`, data, at: t.now });
    });

    store.onCommitted((facts) => {
      if (facts.some((f) => f.topic === 'webhook.queued')) app.jobs.wake(Date.now(), WEBHOOK_DELIVER_JOB);
    });

    const poster = createWebhookPoster({ timeoutMs: config.WEBHOOK_TIMEOUT_MS, allowPrivate: config.WEBHOOKS_ALLOW_PRIVATE });
    app.addHook('onClose', async () => poster.close());
    app.jobs.handle(
      WEBHOOK_DELIVER_JOB,
      webhookDeliverJob({ store, poster, log: app.log, firstRetryMs: config.WEBHOOK_RETRY_MS }),
      // Its own lane: a slow receiver never delays mail or another kind's due work. Lines
      // (conversations) are independent, so several are delivered at once, each in order.
      { lane: 'webhooks', concurrency: DELIVERY_CONCURRENCY },
    );
    app.jobs.handle(
      TRIM_JOB,
      async () => {
        const now = Date.now();
        await store.unit(async (tx) => {
          await tx.webhooks.trim(now - KEEP_MS);
          await tx.jobs.schedule({ kind: TRIM_JOB, key: 'daily', dueAt: now + DAY_MS });
        });
      },
      { lane: 'webhooks' },
    );
    app.addHook('onReady', async () => {
      if (!(await store.read.jobs.find(TRIM_JOB, 'daily'))) await store.unit((tx) => tx.jobs.schedule({ kind: TRIM_JOB, key: 'daily', dueAt: Date.now() + DAY_MS }));
    });
    app.metrics.registerOutbox('webhooks', { backlog: () => store.read.webhooks.backlog() });

    await app.register(webhookRoutes, { checkAddress: addressCheck(config.WEBHOOKS_ALLOW_PRIVATE) });
  },
  { name: 'webhooks', dependencies: ['store', 'jobs'] },
);
