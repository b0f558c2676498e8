import { and, asc, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import { pgSchema, type HearthPgDb } from '@hearth/db';
import type { WebhookStore } from '../../webhooks/webhook.store.ts';
import { IN_LINE, endpointPatch, parseEvents, toDelivery, toEndpoint, toOutboxEvent } from '../sqlite/webhooks.ts';

const { webhookEndpoints, webhookEvents, webhookAttempts } = pgSchema;

/**
 * Webhooks on PostgreSQL. `take` is one conditional UPDATE: its row lock makes a second node's
 * UPDATE wait, re-check the condition and find the event already `sending`.
 */
export function pgWebhookStore(db: HearthPgDb): WebhookStore {
  const backlogs = async (endpointIds: string[]) => {
    if (endpointIds.length === 0) return new Map<string, number>();
    const rows = await db
      .select({ id: webhookEvents.endpointId, n: sql<number>`count(*)::int` })
      .from(webhookEvents)
      .where(and(inArray(webhookEvents.endpointId, endpointIds), inArray(webhookEvents.status, [...IN_LINE])))
      .groupBy(webhookEvents.endpointId);
    return new Map(rows.map((r) => [r.id, Number(r.n)]));
  };
  const takeable = (eventId: string, now: number) =>
    and(eq(webhookEvents.id, eventId), or(eq(webhookEvents.status, 'pending'), and(eq(webhookEvents.status, 'sending'), lt(webhookEvents.sendingUntil, now))));

  return {
    async createEndpoint(e) {
      await db
        .insert(webhookEndpoints)
        .values({ id: e.id, siteId: e.siteId, url: e.url, description: e.description, events: JSON.stringify(e.events), secret: e.secret, createdAt: e.now, updatedAt: e.now });
    },

    async endpointsOf(siteId) {
      const rows = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.siteId, siteId)).orderBy(asc(webhookEndpoints.createdAt), asc(webhookEndpoints.id));
      const counts = await backlogs(rows.map((r) => r.id));
      return rows.map((row) => toEndpoint(row, counts.get(row.id) ?? 0));
    },

    async endpoint(siteId, id) {
      const [row] = await db.select().from(webhookEndpoints).where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.siteId, siteId)));
      return row ? toEndpoint(row, (await backlogs([row.id])).get(row.id) ?? 0) : null;
    },

    async target(id) {
      const [row] = await db
        .select({ id: webhookEndpoints.id, siteId: webhookEndpoints.siteId, url: webhookEndpoints.url, secret: webhookEndpoints.secret, disabledAt: webhookEndpoints.disabledAt })
        .from(webhookEndpoints)
        .where(eq(webhookEndpoints.id, id));
      return row ?? null;
    },

    async updateEndpoint(siteId, id, patch, now) {
      const done = await db
        .update(webhookEndpoints)
        .set(endpointPatch(patch, now))
        .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.siteId, siteId)))
        .returning({ id: webhookEndpoints.id });
      return done.length === 1;
    },

    async deleteEndpoint(siteId, id) {
      const done = await db.delete(webhookEndpoints).where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.siteId, siteId))).returning({ id: webhookEndpoints.id });
      return done.length === 1;
    },

    async subscribers(siteId, type) {
      const rows = await db
        .select({ id: webhookEndpoints.id, events: webhookEndpoints.events })
        .from(webhookEndpoints)
        .where(and(eq(webhookEndpoints.siteId, siteId), sql`${webhookEndpoints.disabledAt} is null`));
      return rows.filter((e) => parseEvents(e.events).includes(type)).map((e) => e.id);
    },

    async enqueue(e) {
      await db
        .insert(webhookEvents)
        .values({ id: e.id, endpointId: e.endpointId, siteId: e.siteId, type: e.type, orderKey: e.orderKey, body: e.body, status: 'pending', nextAttemptAt: e.now, createdAt: e.now, updatedAt: e.now });
    },

    async heads(endpointId, orderKey, limit) {
      const rows = await db
        .select()
        .from(webhookEvents)
        .where(and(eq(webhookEvents.endpointId, endpointId), eq(webhookEvents.orderKey, orderKey), inArray(webhookEvents.status, [...IN_LINE])))
        .orderBy(asc(webhookEvents.seq))
        .limit(limit);
      return rows.map(toOutboxEvent);
    },

    async take(eventId, now, holdMs) {
      const [taken] = await db
        .update(webhookEvents)
        .set({ status: 'sending', sendingUntil: now + holdMs, attempts: sql`${webhookEvents.attempts} + 1`, updatedAt: now })
        .where(takeable(eventId, now))
        .returning();
      if (taken) return { taken: toOutboxEvent(taken) };
      const [row] = await db.select({ status: webhookEvents.status, sendingUntil: webhookEvents.sendingUntil }).from(webhookEvents).where(eq(webhookEvents.id, eventId));
      if (row?.status === 'sending') return { busyUntil: row.sendingUntil ?? now };
      return { done: true };
    },

    async release(eventIds, now) {
      if (eventIds.length === 0) return;
      await db
        .update(webhookEvents)
        .set({ status: 'pending', attempts: sql`${webhookEvents.attempts} - 1`, sendingUntil: null, updatedAt: now })
        .where(and(inArray(webhookEvents.id, [...eventIds]), eq(webhookEvents.status, 'sending')));
    },

    async recordAttempt(a) {
      await db.insert(webhookAttempts).values(a);
    },

    async markDelivered(eventId, statusCode, now) {
      await db
        .update(webhookEvents)
        .set({ status: 'delivered', lastStatus: statusCode, lastError: null, deliveredAt: now, updatedAt: now, sendingUntil: null, nextAttemptAt: null })
        .where(and(eq(webhookEvents.id, eventId), eq(webhookEvents.status, 'sending')));
    },

    async markRetrying(eventId, statusCode, error, nextAttemptAt, now) {
      await db
        .update(webhookEvents)
        .set({ status: 'pending', lastStatus: statusCode, lastError: error.slice(0, 1000), nextAttemptAt, updatedAt: now, sendingUntil: null })
        .where(and(eq(webhookEvents.id, eventId), eq(webhookEvents.status, 'sending')));
    },

    async markFailed(eventId, statusCode, error, now) {
      await db
        .update(webhookEvents)
        .set({ status: 'failed', lastStatus: statusCode, lastError: error.slice(0, 1000), nextAttemptAt: null, updatedAt: now, sendingUntil: null })
        .where(and(eq(webhookEvents.id, eventId), eq(webhookEvents.status, 'sending')));
    },

    async requeue(siteId, endpointId, eventId, now) {
      const [row] = await db
        .update(webhookEvents)
        .set({ status: 'pending', attempts: 0, nextAttemptAt: now, updatedAt: now, deliveredAt: null })
        .where(and(eq(webhookEvents.id, eventId), eq(webhookEvents.endpointId, endpointId), eq(webhookEvents.siteId, siteId), inArray(webhookEvents.status, ['delivered', 'failed'])))
        .returning({ orderKey: webhookEvents.orderKey });
      return row?.orderKey ?? null;
    },

    async waitingKeys(endpointId) {
      const rows = await db
        .selectDistinct({ key: webhookEvents.orderKey })
        .from(webhookEvents)
        .where(and(eq(webhookEvents.endpointId, endpointId), inArray(webhookEvents.status, [...IN_LINE])));
      return rows.map((r) => r.key);
    },

    async deliveries(siteId, endpointId, limit) {
      const rows = await db
        .select()
        .from(webhookEvents)
        .where(and(eq(webhookEvents.endpointId, endpointId), eq(webhookEvents.siteId, siteId)))
        .orderBy(desc(webhookEvents.seq))
        .limit(limit);
      return rows.map(toDelivery);
    },

    async attempts(siteId, eventId) {
      return db
        .select({ attempt: webhookAttempts.attempt, statusCode: webhookAttempts.statusCode, error: webhookAttempts.error, durationMs: webhookAttempts.durationMs, at: webhookAttempts.at })
        .from(webhookAttempts)
        .innerJoin(webhookEvents, eq(webhookEvents.id, webhookAttempts.eventId))
        .where(and(eq(webhookAttempts.eventId, eventId), eq(webhookEvents.siteId, siteId)))
        .orderBy(asc(webhookAttempts.id));
    },

    async backlog() {
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(webhookEvents).where(inArray(webhookEvents.status, [...IN_LINE]));
      return Number(row?.n ?? 0);
    },

    async trim(before) {
      const gone = await db
        .delete(webhookEvents)
        .where(and(inArray(webhookEvents.status, ['delivered', 'failed']), lt(webhookEvents.updatedAt, before)))
        .returning({ id: webhookEvents.id });
      return gone.length;
    },
  };
}
