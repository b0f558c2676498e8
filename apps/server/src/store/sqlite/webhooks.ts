import { and, asc, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import { schema, type HearthDb } from '@hearth/db';
import type { WebhookEndpoint, WebhookEventType } from '@hearth/protocol';
import type { OutboxEvent, WebhookStore } from '../../webhooks/webhook.store.ts';

const { webhookEndpoints, webhookEvents, webhookAttempts } = schema;

type EndpointRow = typeof webhookEndpoints.$inferSelect;
type EventRow = typeof webhookEvents.$inferSelect;

/** Statuses of events still in line. */
export const IN_LINE = ['pending', 'sending'] as const;

export function parseEvents(text: string): WebhookEventType[] {
  try {
    const value = JSON.parse(text) as unknown;
    return Array.isArray(value) ? (value.filter((v) => typeof v === 'string') as WebhookEventType[]) : [];
  } catch {
    return [];
  }
}

/** Rows (SQLite or PostgreSQL: the same shapes) as the console and the sender see them. */
export const toEndpoint = (row: EndpointRow, backlog: number): WebhookEndpoint => ({
  id: row.id,
  url: row.url,
  description: row.description,
  events: parseEvents(row.events),
  secret: row.secret,
  createdAt: row.createdAt,
  disabledAt: row.disabledAt,
  disabledReason: row.disabledReason,
  backlog,
});

export const toOutboxEvent = (row: EventRow): OutboxEvent => ({
  id: row.id,
  endpointId: row.endpointId,
  siteId: row.siteId,
  type: row.type,
  orderKey: row.orderKey,
  body: row.body,
  status: row.status,
  attempts: row.attempts,
  nextAttemptAt: row.nextAttemptAt,
  createdAt: row.createdAt,
});

export const toDelivery = (row: EventRow) => ({
  eventId: row.id,
  type: row.type,
  status: row.status,
  attempts: row.attempts,
  lastStatus: row.lastStatus,
  lastError: row.lastError,
  createdAt: row.createdAt,
  deliveredAt: row.deliveredAt,
  nextAttemptAt: row.nextAttemptAt,
});

/** The patch of `updateEndpoint` as columns. */
export function endpointPatch(patch: Parameters<WebhookStore['updateEndpoint']>[2], now: number): Partial<typeof webhookEndpoints.$inferInsert> {
  return {
    ...(patch.url !== undefined ? { url: patch.url } : {}),
    ...(patch.events !== undefined ? { events: JSON.stringify(patch.events) } : {}),
    ...(patch.description !== undefined ? { description: patch.description } : {}),
    ...(patch.disabledAt !== undefined ? { disabledAt: patch.disabledAt, disabledReason: patch.disabledAt === null ? null : (patch.disabledReason ?? null) } : {}),
    updatedAt: now,
  };
}

export function sqliteWebhookStore(db: HearthDb): WebhookStore {
  const backlogOf = (endpointId: string) =>
    db
      .select({ n: sql<number>`count(*)` })
      .from(webhookEvents)
      .where(and(eq(webhookEvents.endpointId, endpointId), inArray(webhookEvents.status, [...IN_LINE])))
      .get()?.n ?? 0;
  const takeable = (eventId: string, now: number) =>
    and(eq(webhookEvents.id, eventId), or(eq(webhookEvents.status, 'pending'), and(eq(webhookEvents.status, 'sending'), lt(webhookEvents.sendingUntil, now))));

  return {
    async createEndpoint(e) {
      db.insert(webhookEndpoints)
        .values({ id: e.id, siteId: e.siteId, url: e.url, description: e.description, events: JSON.stringify(e.events), secret: e.secret, createdAt: e.now, updatedAt: e.now })
        .run();
    },

    async endpointsOf(siteId) {
      return db
        .select()
        .from(webhookEndpoints)
        .where(eq(webhookEndpoints.siteId, siteId))
        .orderBy(asc(webhookEndpoints.createdAt), asc(webhookEndpoints.id))
        .all()
        .map((row) => toEndpoint(row, backlogOf(row.id)));
    },

    async endpoint(siteId, id) {
      const row = db.select().from(webhookEndpoints).where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.siteId, siteId))).get();
      return row ? toEndpoint(row, backlogOf(row.id)) : null;
    },

    async target(id) {
      return (
        db
          .select({ id: webhookEndpoints.id, siteId: webhookEndpoints.siteId, url: webhookEndpoints.url, secret: webhookEndpoints.secret, disabledAt: webhookEndpoints.disabledAt })
          .from(webhookEndpoints)
          .where(eq(webhookEndpoints.id, id))
          .get() ?? null
      );
    },

    async updateEndpoint(siteId, id, patch, now) {
      return db.update(webhookEndpoints).set(endpointPatch(patch, now)).where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.siteId, siteId))).run().changes === 1;
    },

    async deleteEndpoint(siteId, id) {
      return db.delete(webhookEndpoints).where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.siteId, siteId))).run().changes === 1;
    },

    async subscribers(siteId, type) {
      return db
        .select({ id: webhookEndpoints.id, events: webhookEndpoints.events, disabledAt: webhookEndpoints.disabledAt })
        .from(webhookEndpoints)
        .where(eq(webhookEndpoints.siteId, siteId))
        .all()
        .filter((e) => e.disabledAt === null && parseEvents(e.events).includes(type))
        .map((e) => e.id);
    },

    async enqueue(e) {
      db.insert(webhookEvents)
        .values({ id: e.id, endpointId: e.endpointId, siteId: e.siteId, type: e.type, orderKey: e.orderKey, body: e.body, status: 'pending', nextAttemptAt: e.now, createdAt: e.now, updatedAt: e.now })
        .run();
    },

    async heads(endpointId, orderKey, limit) {
      return db
        .select()
        .from(webhookEvents)
        .where(and(eq(webhookEvents.endpointId, endpointId), eq(webhookEvents.orderKey, orderKey), inArray(webhookEvents.status, [...IN_LINE])))
        .orderBy(asc(webhookEvents.seq))
        .limit(limit)
        .all()
        .map(toOutboxEvent);
    },

    async take(eventId, now, holdMs) {
      const taken = db
        .update(webhookEvents)
        .set({ status: 'sending', sendingUntil: now + holdMs, attempts: sql`${webhookEvents.attempts} + 1`, updatedAt: now })
        .where(takeable(eventId, now))
        .returning()
        .get();
      if (taken) return { taken: toOutboxEvent(taken) };
      const row = db.select({ status: webhookEvents.status, sendingUntil: webhookEvents.sendingUntil }).from(webhookEvents).where(eq(webhookEvents.id, eventId)).get();
      if (row?.status === 'sending') return { busyUntil: row.sendingUntil ?? now };
      return { done: true };
    },

    async release(eventIds, now) {
      if (eventIds.length === 0) return;
      db.update(webhookEvents)
        .set({ status: 'pending', attempts: sql`${webhookEvents.attempts} - 1`, sendingUntil: null, updatedAt: now })
        .where(and(inArray(webhookEvents.id, [...eventIds]), eq(webhookEvents.status, 'sending')))
        .run();
    },

    async recordAttempt(a) {
      db.insert(webhookAttempts).values(a).run();
    },

    async markDelivered(eventId, statusCode, now) {
      db.update(webhookEvents)
        .set({ status: 'delivered', lastStatus: statusCode, lastError: null, deliveredAt: now, updatedAt: now, sendingUntil: null, nextAttemptAt: null })
        .where(and(eq(webhookEvents.id, eventId), eq(webhookEvents.status, 'sending')))
        .run();
    },

    async markRetrying(eventId, statusCode, error, nextAttemptAt, now) {
      db.update(webhookEvents)
        .set({ status: 'pending', lastStatus: statusCode, lastError: error.slice(0, 1000), nextAttemptAt, updatedAt: now, sendingUntil: null })
        .where(and(eq(webhookEvents.id, eventId), eq(webhookEvents.status, 'sending')))
        .run();
    },

    async markFailed(eventId, statusCode, error, now) {
      db.update(webhookEvents)
        .set({ status: 'failed', lastStatus: statusCode, lastError: error.slice(0, 1000), nextAttemptAt: null, updatedAt: now, sendingUntil: null })
        .where(and(eq(webhookEvents.id, eventId), eq(webhookEvents.status, 'sending')))
        .run();
    },

    async requeue(siteId, endpointId, eventId, now) {
      const row = db
        .update(webhookEvents)
        .set({ status: 'pending', attempts: 0, nextAttemptAt: now, updatedAt: now, deliveredAt: null })
        .where(and(eq(webhookEvents.id, eventId), eq(webhookEvents.endpointId, endpointId), eq(webhookEvents.siteId, siteId), inArray(webhookEvents.status, ['delivered', 'failed'])))
        .returning({ orderKey: webhookEvents.orderKey })
        .get();
      return row?.orderKey ?? null;
    },

    async waitingKeys(endpointId) {
      return db
        .selectDistinct({ key: webhookEvents.orderKey })
        .from(webhookEvents)
        .where(and(eq(webhookEvents.endpointId, endpointId), inArray(webhookEvents.status, [...IN_LINE])))
        .all()
        .map((r) => r.key);
    },

    async deliveries(siteId, endpointId, limit) {
      return db
        .select()
        .from(webhookEvents)
        .where(and(eq(webhookEvents.endpointId, endpointId), eq(webhookEvents.siteId, siteId)))
        .orderBy(desc(webhookEvents.seq))
        .limit(limit)
        .all()
        .map(toDelivery);
    },

    async attempts(siteId, eventId) {
      return db
        .select({ attempt: webhookAttempts.attempt, statusCode: webhookAttempts.statusCode, error: webhookAttempts.error, durationMs: webhookAttempts.durationMs, at: webhookAttempts.at })
        .from(webhookAttempts)
        .innerJoin(webhookEvents, eq(webhookEvents.id, webhookAttempts.eventId))
        .where(and(eq(webhookAttempts.eventId, eventId), eq(webhookEvents.siteId, siteId)))
        .orderBy(asc(webhookAttempts.id))
        .all();
    },

    async backlog() {
      return db.select({ n: sql<number>`count(*)` }).from(webhookEvents).where(inArray(webhookEvents.status, [...IN_LINE])).get()?.n ?? 0;
    },

    async trim(before) {
      return db
        .delete(webhookEvents)
        .where(and(inArray(webhookEvents.status, ['delivered', 'failed']), lt(webhookEvents.updatedAt, before)))
        .run().changes;
    },
  };
}
