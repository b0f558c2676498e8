import { randomBytes } from 'node:crypto';
import { TriggerRuleInputSchema, type TriggerRule } from '@hearth/protocol';

/**
 * How a trigger is stored, for every adapter: one JSON text of its fields (`TriggerRuleInput`)
 * beside its id, so the rule format can grow without migrations.
 */

/** Time-ordered ids: equal priorities resolve to the older trigger (see evaluateTriggers). */
export function newTriggerId(now: number): string {
  return `t${now.toString(36).padStart(9, '0')}${randomBytes(5).toString('hex')}`;
}

/** The stored row as a rule, or null when its text no longer parses (skipped, never served). */
export function ruleFromRow(row: { id: string; rule: string }): TriggerRule | null {
  try {
    const parsed = TriggerRuleInputSchema.safeParse(JSON.parse(row.rule));
    return parsed.success ? { id: row.id, ...parsed.data } : null;
  } catch {
    return null;
  }
}
