import { and, asc, eq, lte, sql } from 'drizzle-orm';
import { schema, type HearthDb } from '@hearth/db';
import { TriggerRuleInputSchema } from '@hearth/protocol';
import type { TriggerStore } from '../../triggers/trigger.store.ts';
import { newTriggerId, ruleFromRow } from '../trigger-rows.ts';

const { conversationEvents, triggerEvents, triggers } = schema;

export function sqliteTriggerStore(db: HearthDb): TriggerStore {
  const ofSite = (siteId: Parameters<TriggerStore['get']>[0], id: string) => and(eq(triggers.id, id), eq(triggers.siteId, siteId));
  return {
    async list(siteId) {
      return db
        .select({ id: triggers.id, rule: triggers.rule })
        .from(triggers)
        .where(eq(triggers.siteId, siteId))
        .orderBy(asc(triggers.id))
        .all()
        .flatMap((row) => ruleFromRow(row) ?? []);
    },

    async get(siteId, id) {
      const row = db.select({ id: triggers.id, rule: triggers.rule }).from(triggers).where(ofSite(siteId, id)).get();
      return row ? ruleFromRow(row) : null;
    },

    async create(siteId, input, now) {
      const fields = TriggerRuleInputSchema.parse(input);
      const id = newTriggerId(now);
      db.insert(triggers).values({ id, siteId, rule: JSON.stringify(fields), createdAt: now, updatedAt: now }).run();
      return { id, ...fields };
    },

    async update(siteId, id, fields, now) {
      const result = db.update(triggers).set({ rule: JSON.stringify(fields), updatedAt: now }).where(ofSite(siteId, id)).run();
      return result.changes === 1 ? { id, ...fields } : null;
    },

    async delete(siteId, id) {
      return db.delete(triggers).where(ofSite(siteId, id)).run().changes === 1;
    },

    async ids(siteId) {
      return db.select({ id: triggers.id }).from(triggers).where(eq(triggers.siteId, siteId)).all().map((r) => r.id);
    },

    async recordSignals(siteId, batch, now) {
      db.insert(triggerEvents)
        .values(
          batch.events.map((e) =>
            e.type === 'purchase'
              ? { siteId, visitId: batch.visitId, type: e.type, triggerId: null, value: e.value, currency: e.currency, at: e.at, receivedAt: now }
              : { siteId, visitId: batch.visitId, type: e.type, triggerId: e.triggerId, value: null, currency: null, at: e.at, receivedAt: now },
          ),
        )
        .run();
    },

    async shownInVisit(siteId, visitId, at) {
      return db
        .selectDistinct({ id: triggerEvents.triggerId })
        .from(triggerEvents)
        .where(and(eq(triggerEvents.siteId, siteId), eq(triggerEvents.visitId, visitId), eq(triggerEvents.type, 'shown'), lte(triggerEvents.at, at)))
        .all()
        .flatMap((r) => (r.id ? [r.id] : []));
    },

    // SQLite dialect: summed booleans and json_extract (PostgreSQL: count(*) filter, data->>'triggerId').
    async counts(siteId) {
      return {
        prompts: db.all(
          sql`select trigger_id as id, sum(type = 'shown') as shown, sum(type = 'engaged') as engaged
            from trigger_events where site_id = ${siteId} and trigger_id is not null group by trigger_id`,
        ),
        conversations: db.all(
          sql`select json_extract(data, '$.triggerId') as id, count(*) as n from conversation_events
            where site_id = ${siteId} and type = 'conversation.started' and json_extract(data, '$.triggerId') is not null group by 1`,
        ),
        conversions: db.all(
          sql`select trigger_id as id, count(*) as n, coalesce(sum(value), 0) as value from (
              select distinct s.trigger_id, p.id, p.value from trigger_events s
              join trigger_events p on p.site_id = s.site_id and p.visit_id = s.visit_id and p.type = 'purchase' and p.at >= s.at
              where s.site_id = ${siteId} and s.type = 'shown')
            group by trigger_id`,
        ),
      };
    },

    async startedData(conversationId) {
      const row = db
        .select({ data: conversationEvents.data })
        .from(conversationEvents)
        .where(and(eq(conversationEvents.conversationId, conversationId), eq(conversationEvents.type, 'conversation.started')))
        .orderBy(asc(conversationEvents.id))
        .get();
      if (!row) return null;
      try {
        return JSON.parse(row.data) as unknown;
      } catch {
        return null;
      }
    },
  };
}
