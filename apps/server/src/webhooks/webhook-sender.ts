import type { FastifyBaseLogger } from 'fastify';
import type { Store, StoreTx } from '../store/store.ts';
import type { Job } from '../jobs/job.store.ts';
import type { PostResult, WebhookPoster } from './webhook-http.ts';
import type { OutboxEvent, WebhookTake } from './webhook.store.ts';
import { delivered, nextAttemptAt, signatureHeader } from './webhook-rules.ts';
import { WEBHOOK_DELIVER_JOB } from './webhook-events.ts';

/** How long one attempt may hold an event before another sender may take it over (this one died). */
const HOLD_MS = 2 * 60_000;
/** Events of a line taken together (one unit to take them, one to record the outcomes). */
const TAKE = 50;
/** Rounds per job run before the line yields to other lines (it is put back, due now). */
const ROUNDS = 10;

export interface WebhookSenderDeps {
  store: Store;
  poster: WebhookPoster;
  log: FastifyBaseLogger;
  firstRetryMs: number;
  /** After each attempt, for metrics. */
  onOutcome?: (outcome: 'delivered' | 'retrying' | 'failed') => void;
}

interface Attempted {
  event: OutboxEvent;
  result: PostResult;
  at: number;
}

/**
 * The `webhook.deliver` job: delivers the events of one (endpoint, order key) — one conversation —
 * oldest first, each only after the one before it was delivered (or failed for good), so a
 * receiver sees a conversation's events in order. A failed attempt puts the line to sleep until
 * the event's next attempt (exponential backoff with jitter, for up to 24 h); after 24 h the event
 * is failed and the endpoint disabled (owners see why in Settings → Webhooks).
 *
 * A round takes the line's next due events together (one unit), POSTs them one after another,
 * stops at the first failure, and records every outcome in one unit, giving back the events it did
 * not get to. At least once: `take` holds an event for one attempt, so two nodes never send it at
 * the same time; a sender that dies after the receiver answered and before recording it sends it
 * again after the hold, with the same event id, which receivers use to drop the copy.
 */
export function webhookDeliverJob(deps: WebhookSenderDeps): (job: Job) => Promise<void> {
  const { store, poster, log } = deps;
  const moveJob = (tx: StoreTx, job: Job, dueAt: number) => tx.jobs.schedule({ kind: WEBHOOK_DELIVER_JOB, key: job.key, siteId: job.siteId, payload: job.payload, dueAt });

  return async (job) => {
    const { endpointId, orderKey } = (job.payload ?? {}) as { endpointId?: unknown; orderKey?: unknown };
    if (typeof endpointId !== 'string' || typeof orderKey !== 'string') return;
    for (let round = 0; round < ROUNDS; round++) {
      const target = await store.read.webhooks.target(endpointId);
      // Gone, or disabled: re-enabling the endpoint schedules its waiting lines again.
      if (!target || target.disabledAt !== null) return;
      const line = await store.read.webhooks.heads(endpointId, orderKey, TAKE);
      if (line.length === 0) return;
      const now = Date.now();
      const first = line[0]!;
      if (first.status === 'pending' && first.nextAttemptAt !== null && first.nextAttemptAt > now) {
        await store.unit((tx) => moveJob(tx, job, first.nextAttemptAt!));
        return;
      }
      const taken = await store.unit((tx) => takeDue(tx, line, now));
      if (!Array.isArray(taken)) {
        if ('busyUntil' in taken) {
          // Another sender holds the head (or held it and died): look again when its hold runs out.
          await store.unit((tx) => moveJob(tx, job, taken.busyUntil + 1));
          return;
        }
        continue;
      }
      const attempted: Attempted[] = [];
      for (const event of taken) {
        const t = Math.floor(Date.now() / 1000);
        const result = await poster.post(target.url, event.body, { 'hearth-signature': signatureHeader(target.secret, event.body, t), 'hearth-event-id': event.id, 'hearth-event-type': event.type });
        attempted.push({ event, result, at: Date.now() });
        if (!delivered(result.statusCode)) break;
      }
      const stopped = await record(job, attempted, taken.slice(attempted.length), target.url);
      if (stopped) return;
    }
    await store.unit((tx) => moveJob(tx, job, Date.now()));
  };

  /** Takes the line's due events in order, stopping at the first that is not due or not free. */
  async function takeDue(tx: StoreTx, line: OutboxEvent[], now: number): Promise<OutboxEvent[] | Exclude<WebhookTake, { taken: OutboxEvent }>> {
    const taken: OutboxEvent[] = [];
    for (const event of line) {
      if (event.status === 'pending' && event.nextAttemptAt !== null && event.nextAttemptAt > now) break;
      const take = await tx.webhooks.take(event.id, now, HOLD_MS);
      if (!('taken' in take)) return taken.length > 0 ? taken : take;
      taken.push(take.taken);
    }
    return taken;
  }

  /**
   * Records a round in one unit: the attempts, the delivered events, the failed one (retrying, or
   * failed for good with the endpoint disabled) and the events given back. True when the line
   * stops here (it waits for a retry, or its endpoint was disabled).
   */
  async function record(job: Job, attempted: Attempted[], untried: OutboxEvent[], url: string): Promise<boolean> {
    const last = attempted.at(-1);
    const failure = last && !delivered(last.result.statusCode) ? last : null;
    const error = failure ? (failure.result.error ?? `HTTP ${failure.result.statusCode}`) : '';
    const retryAt = failure ? nextAttemptAt({ attempts: failure.event.attempts, createdAt: failure.event.createdAt, now: failure.at, firstDelayMs: deps.firstRetryMs }) : null;
    await store.unit(async (tx) => {
      for (const { event, result, at } of attempted) {
        await tx.webhooks.recordAttempt({ eventId: event.id, endpointId: event.endpointId, attempt: event.attempts, statusCode: result.statusCode, error: result.error, durationMs: result.durationMs, at });
        if (event !== failure?.event) await tx.webhooks.markDelivered(event.id, result.statusCode!, at);
      }
      await tx.webhooks.release(
        untried.map((e) => e.id),
        Date.now(),
      );
      if (!failure) return;
      if (retryAt !== null) {
        await tx.webhooks.markRetrying(failure.event.id, failure.result.statusCode, error, retryAt, failure.at);
        await moveJob(tx, job, retryAt);
        return;
      }
      const reason = `Deliveries failed for 24 hours (last: ${error.slice(0, 200)}).`;
      await tx.webhooks.markFailed(failure.event.id, failure.result.statusCode, error, failure.at);
      await tx.webhooks.updateEndpoint(failure.event.siteId, failure.event.endpointId, { disabledAt: failure.at, disabledReason: reason }, failure.at);
      await tx.facts.record('webhook.endpoint_disabled', { siteId: failure.event.siteId, endpointId: failure.event.endpointId, url, reason });
    });
    for (let i = 0; i < attempted.length - (failure ? 1 : 0); i++) deps.onOutcome?.('delivered');
    if (!failure) return false;
    if (retryAt !== null) {
      log.info({ endpointId: failure.event.endpointId, eventId: failure.event.id, error, retryAt }, 'webhook not delivered; retrying later');
      deps.onOutcome?.('retrying');
    } else {
      log.warn({ endpointId: failure.event.endpointId, eventId: failure.event.id, error }, 'webhook endpoint disabled after 24 h of failed deliveries');
      deps.onOutcome?.('failed');
    }
    return true;
  }
}
