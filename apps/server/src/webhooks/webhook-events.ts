import { randomUUID } from 'node:crypto';
import type { SiteId, WebhookEventBody, WebhookEventType } from '@hearth/protocol';
import type { StoreTx } from '../store/store.ts';
import './webhook.store.ts';

export const WEBHOOK_DELIVER_JOB = 'webhook.deliver';

/** The job that delivers the events of one (endpoint, order key), in order. */
export const deliverJobKey = (endpointId: string, orderKey: string) => `${endpointId} ${orderKey}`;

export interface EventToQueue {
  siteId: SiteId;
  type: WebhookEventType | 'webhook.test';
  /** Events of one conversation share it and arrive in order. Default: the event's own id (no order). */
  orderKey?: string;
  data: Record<string, unknown>;
  /** Epoch ms when the fact happened. */
  at: number;
}

/**
 * Writes the event to the outbox of every enabled endpoint of the site that subscribes to it (or
 * of `onlyEndpoint`, for a test event), with its delivery job, in the caller's unit: the event
 * exists exactly when the fact does. Returns how many endpoints get it.
 */
export async function queueWebhookEvent(tx: StoreTx, event: EventToQueue, onlyEndpoint?: string): Promise<number> {
  const endpoints = onlyEndpoint ? [onlyEndpoint] : event.type === 'webhook.test' ? [] : await tx.webhooks.subscribers(event.siteId, event.type);
  for (const endpointId of endpoints) {
    const id = `evt_${randomUUID().replaceAll('-', '')}`;
    const orderKey = event.orderKey ?? id;
    const body: WebhookEventBody = { id, type: event.type, createdAt: event.at, siteId: event.siteId, data: event.data };
    await tx.webhooks.enqueue({ id, endpointId, siteId: event.siteId, type: event.type, orderKey, body: JSON.stringify(body), now: event.at });
    await scheduleDelivery(tx, event.siteId, endpointId, orderKey, event.at);
  }
  if (endpoints.length > 0) await tx.facts.record('webhook.queued', { count: endpoints.length });
  return endpoints.length;
}

/**
 * (Re)schedules the delivery job of a line due now. Moving a job that waits for a retry is safe:
 * the sender finds the head event not yet due and puts the job back to its time.
 */
export async function scheduleDelivery(tx: StoreTx, siteId: SiteId, endpointId: string, orderKey: string, now: number): Promise<void> {
  await tx.jobs.schedule({ kind: WEBHOOK_DELIVER_JOB, key: deliverJobKey(endpointId, orderKey), siteId, payload: { endpointId, orderKey }, dueAt: now });
}

declare module '../store/facts.ts' {
  interface Facts {
    /** Webhook events were written to the outbox; their sender is woken after COMMIT. */
    'webhook.queued': { count: number };
    /** Hearth gave up on an endpoint (its deliveries failed for 24 h) and disabled it. */
    'webhook.endpoint_disabled': { siteId: SiteId; endpointId: string; url: string; reason: string };
  }
}
