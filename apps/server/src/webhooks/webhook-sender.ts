import type { FastifyBaseLogger } from 'fastify';
import type { Store, StoreTx } from '../store/store.ts';
import type { Job } from '../jobs/job.store.ts';
import type { WebhookPoster } from './webhook-http.ts';
import type { OutboxEvent } from './webhook.store.ts';
import { delivered, nextAttemptAt, signatureHeader } from './webhook-rules.ts';
import { WEBHOOK_DELIVER_JOB } from './webhook-events.ts';

/** How long one attempt may hold an event before another sender may take it over (this one died). */
const HOLD_MS = 2 * 60_000;
/** Events delivered per job run before the line yields to other lines (it is put back, due now). */
const BATCH = 50;

export interface WebhookSenderDeps {
  store: Store;
  poster: WebhookPoster;
  log: FastifyBaseLogger;
  firstRetryMs: number;
  /** After each attempt, for metrics. */
  onOutcome?: (outcome: 'delivered' | 'retrying' | 'failed') => void;
}

/**
 * The `webhook.deliver` job: delivers the events of one (endpoint, order key) — one conversation —
 * oldest first, each only after the one before it was delivered (or failed for good), so a
 * receiver sees a conversation's events in order. A failed attempt puts the line to sleep until
 * the event's next attempt (exponential backoff with jitter, for up to 24 h); after 24 h the event
 * is failed and the endpoint disabled (owners are told in the console and by mail).
 *
 * At least once: `take` holds the event for one attempt, so two nodes never send it at the same
 * time; a sender that dies after the receiver answered and before recording it sends it again
 * after the hold, with the same event id, which receivers use to drop the copy.
 */
export function webhookDeliverJob(deps: WebhookSenderDeps): (job: Job) => Promise<void> {
  const { store, poster, log } = deps;
  const moveJob = (tx: StoreTx, job: Job, dueAt: number) => tx.jobs.schedule({ kind: WEBHOOK_DELIVER_JOB, key: job.key, siteId: job.siteId, payload: job.payload, dueAt });

  return async (job) => {
    const { endpointId, orderKey } = (job.payload ?? {}) as { endpointId?: unknown; orderKey?: unknown };
    if (typeof endpointId !== 'string' || typeof orderKey !== 'string') return;
    for (let n = 0; n < BATCH; n++) {
      const target = await store.read.webhooks.target(endpointId);
      // Gone, or disabled: re-enabling the endpoint schedules its waiting lines again.
      if (!target || target.disabledAt !== null) return;
      const head = await store.read.webhooks.head(endpointId, orderKey);
      if (!head) return;
      const now = Date.now();
      if (head.status === 'pending' && head.nextAttemptAt !== null && head.nextAttemptAt > now) {
        await store.unit((tx) => moveJob(tx, job, head.nextAttemptAt!));
        return;
      }
      const take = await store.unit((tx) => tx.webhooks.take(head.id, now, HOLD_MS));
      if ('done' in take) continue;
      if ('busyUntil' in take) {
        await store.unit((tx) => moveJob(tx, job, take.busyUntil + 1));
        return;
      }
      const outcome = await attempt(take.taken, target.url, target.secret);
      if (outcome === 'delivered') continue;
      if (outcome === 'retrying') {
        const due = await store.read.webhooks.head(endpointId, orderKey);
        await store.unit((tx) => moveJob(tx, job, due?.nextAttemptAt ?? Date.now()));
      }
      return;
    }
    await store.unit((tx) => moveJob(tx, job, Date.now()));
  };

  async function attempt(event: OutboxEvent, url: string, secret: string): Promise<'delivered' | 'retrying' | 'failed'> {
    const t = Math.floor(Date.now() / 1000);
    const result = await poster.post(url, event.body, { 'hearth-signature': signatureHeader(secret, event.body, t), 'hearth-event-id': event.id, 'hearth-event-type': event.type });
    const at = Date.now();
    const record = { eventId: event.id, endpointId: event.endpointId, attempt: event.attempts, statusCode: result.statusCode, error: result.error, durationMs: result.durationMs, at };
    if (delivered(result.statusCode)) {
      await store.unit(async (tx) => {
        await tx.webhooks.recordAttempt(record);
        await tx.webhooks.markDelivered(event.id, result.statusCode!, at);
      });
      deps.onOutcome?.('delivered');
      return 'delivered';
    }
    const error = result.error ?? `HTTP ${result.statusCode}`;
    const retryAt = nextAttemptAt({ attempts: event.attempts, createdAt: event.createdAt, now: at, firstDelayMs: deps.firstRetryMs });
    if (retryAt === null) {
      const reason = `Deliveries failed for 24 hours (last: ${error.slice(0, 200)}).`;
      await store.unit(async (tx) => {
        await tx.webhooks.recordAttempt(record);
        await tx.webhooks.markFailed(event.id, result.statusCode, error, at);
        await tx.webhooks.updateEndpoint(event.siteId, event.endpointId, { disabledAt: at, disabledReason: reason }, at);
        await tx.facts.record('webhook.endpoint_disabled', { siteId: event.siteId, endpointId: event.endpointId, url, reason });
      });
      log.warn({ endpointId: event.endpointId, eventId: event.id, error }, 'webhook endpoint disabled after 24 h of failed deliveries');
      deps.onOutcome?.('failed');
      return 'failed';
    }
    await store.unit(async (tx) => {
      await tx.webhooks.recordAttempt(record);
      await tx.webhooks.markRetrying(event.id, result.statusCode, error, retryAt, at);
    });
    log.info({ endpointId: event.endpointId, eventId: event.id, error, retryAt }, 'webhook not delivered; retrying later');
    deps.onOutcome?.('retrying');
    return 'retrying';
  }
}
