import { and, asc, eq, lte, sql } from 'drizzle-orm';
import { pgSchema, type HearthPgDb } from '@hearth/db';
import { TriggerRuleInputSchema, type SiteId } from '@hearth/protocol';
import type { TriggerCounts, TriggerStore } from '../../triggers/trigger.store.ts';
import { newTriggerId, ruleFromRow } from '../trigger-rows.ts';
import { rawRows } from './raw-rows.ts';

const { conversationEvents, triggerEvents, triggers } = pgSchema;

export function pgTriggerStore(db: HearthPgDb): TriggerStore {
  const ofSite = (siteId: SiteId, id: string) => and(eq(triggers.id, id), eq(triggers.siteId, siteId));
  return {
    async list(siteId) {
      const rows = await db.select({ id: triggers.id, rule: triggers.rule }).from(triggers).where(eq(triggers.siteId, siteId)).orderBy(asc(triggers.id));
      return rows.flatMap((row) => ruleFromRow(row) ?? []);
    },

    async get(siteId, id) {
      const [row] = await db.select({ id: triggers.id, rule: triggers.rule }).from(triggers).where(ofSite(siteId, id));
      return row ? ruleFromRow(row) : null;
    },

    async create(siteId, input, now) {
      const fields = TriggerRuleInputSchema.parse(input);
      const id = newTriggerId(now);
      await db.insert(triggers).values({ id, siteId, rule: JSON.stringify(fields), createdAt: now, updatedAt: now });
      return { id, ...fields };
    },

    async update(siteId, id, fields, now) {
      const updated = await db.update(triggers).set({ rule: JSON.stringify(fields), updatedAt: now }).where(ofSite(siteId, id)).returning({ id: triggers.id });
      return updated.length === 1 ? { id, ...fields } : null;
    },

    async delete(siteId, id) {
      return (await db.delete(triggers).where(ofSite(siteId, id)).returning({ id: triggers.id })).length === 1;
    },

    async ids(siteId) {
      return (await db.select({ id: triggers.id }).from(triggers).where(eq(triggers.siteId, siteId))).map((r) => r.id);
    },

    async recordSignals(siteId, batch, now) {
      await db.insert(triggerEvents).values(
        batch.events.map((e) =>
          e.type === 'purchase'
            ? { siteId, visitId: batch.visitId, type: e.type, triggerId: null, value: e.value, currency: e.currency, at: e.at, receivedAt: now }
            : { siteId, visitId: batch.visitId, type: e.type, triggerId: e.triggerId, value: null, currency: null, at: e.at, receivedAt: now },
        ),
      );
    },

    async shownInVisit(siteId, visitId, at) {
      const rows = await db
        .selectDistinct({ id: triggerEvents.triggerId })
        .from(triggerEvents)
        .where(and(eq(triggerEvents.siteId, siteId), eq(triggerEvents.visitId, visitId), eq(triggerEvents.type, 'shown'), lte(triggerEvents.at, at)));
      return rows.flatMap((r) => (r.id ? [r.id] : []));
    },

    // The SQLite twin's figures in PostgreSQL's dialect: count(*) filter for summed booleans, ->> for json_extract.
    async counts(siteId): Promise<TriggerCounts> {
      const [prompts, conversations, conversions] = await Promise.all([
        rawRows<TriggerCounts['prompts'][number]>(db, 
          sql`select trigger_id as id, count(*) filter (where type = 'shown') as shown, count(*) filter (where type = 'engaged') as engaged
            from trigger_events where site_id = ${siteId} and trigger_id is not null group by trigger_id`,
        ),
        rawRows<TriggerCounts['conversations'][number]>(db, 
          sql`select data::jsonb ->> 'triggerId' as id, count(*) as n from conversation_events
            where site_id = ${siteId} and type = 'conversation.started' and data::jsonb ->> 'triggerId' is not null group by 1`,
        ),
        rawRows<TriggerCounts['conversions'][number]>(db, 
          sql`select trigger_id as id, count(*) as n, coalesce(sum(value), 0) as value from (
              select distinct s.trigger_id, p.id, p.value from trigger_events s
              join trigger_events p on p.site_id = s.site_id and p.visit_id = s.visit_id and p.type = 'purchase' and p.at >= s.at
              where s.site_id = ${siteId} and s.type = 'shown') shown_then_bought
            group by trigger_id`,
        ),
      ]);
      return { prompts, conversations, conversions };
    },

    async startedData(conversationId) {
      const [row] = await db
        .select({ data: conversationEvents.data })
        .from(conversationEvents)
        .where(and(eq(conversationEvents.conversationId, conversationId), eq(conversationEvents.type, 'conversation.started')))
        .orderBy(asc(conversationEvents.id))
        .limit(1);
      if (!row) return null;
      try {
        return JSON.parse(row.data) as unknown;
      } catch {
        return null;
      }
    },
  };
}
