import type { TriggerRule, TriggerStats } from '@hearth/protocol';
import type { TriggerCounts } from './trigger.store.ts';

/**
 * Per-trigger figures: prompts shown and engaged (from the loader's beacons), conversations started
 * from a prompt (the `conversation.started` event's triggerId), and conversions: visits with a
 * purchase after the prompt was shown in that visit. A cart-abandon trigger's conversions add up
 * to its recovered cart value.
 */
export function triggerStats(counts: TriggerCounts, rules: readonly TriggerRule[]): TriggerStats[] {
  const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
  const c = byId(counts.prompts);
  const v = byId(counts.conversations);
  const p = byId(counts.conversions);
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
