import { sql } from 'drizzle-orm';
import type { HearthDb } from '@hearth/db';
import type { SiteId, TriggerRule, TriggerStats } from '@hearth/protocol';

/**
 * Per-trigger figures: prompts shown and engaged (from the loader's beacons), conversations started
 * from a prompt (the `conversation.started` event's triggerId), and conversions: visits with a
 * purchase after the prompt was shown in that visit. A cart-abandon trigger's conversions add up
 * to its recovered cart value.
 */
export function triggerStats(db: HearthDb, siteId: SiteId, rules: readonly TriggerRule[]): TriggerStats[] {
  const counts = db.all<{ id: string; shown: number; engaged: number }>(
      sql`select trigger_id as id, sum(type = 'shown') as shown, sum(type = 'engaged') as engaged
       from trigger_events where site_id = ${siteId} and trigger_id is not null group by trigger_id`,
    );
  const conversations = db.all<{ id: string; n: number }>(
      sql`select json_extract(data, '$.triggerId') as id, count(*) as n from conversation_events
       where site_id = ${siteId} and type = 'conversation.started' and json_extract(data, '$.triggerId') is not null group by 1`,
    );
  // Each purchase counts once per trigger, however often that trigger showed in the visit.
  const conversions = db.all<{ id: string; n: number; value: number }>(
      sql`select trigger_id as id, count(*) as n, coalesce(sum(value), 0) as value from (
         select distinct s.trigger_id, p.id, p.value from trigger_events s
         join trigger_events p on p.site_id = s.site_id and p.visit_id = s.visit_id and p.type = 'purchase' and p.at >= s.at
         where s.site_id = ${siteId} and s.type = 'shown')
       group by trigger_id`,
    );
  const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
  const c = byId(counts);
  const v = byId(conversations);
  const p = byId(conversions);
  return rules.map((rule) => {
    const cartAbandon = rule.when.some((group) => group.some((cond) => cond.signal === 'cart_abandon'));
    return {
      triggerId: rule.id,
      shown: c.get(rule.id)?.shown ?? 0,
      engaged: c.get(rule.id)?.engaged ?? 0,
      conversations: v.get(rule.id)?.n ?? 0,
      conversions: p.get(rule.id)?.n ?? 0,
      recoveredValue: cartAbandon ? (p.get(rule.id)?.value ?? 0) : 0,
    };
  });
}
