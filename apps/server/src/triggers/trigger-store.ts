import { randomBytes } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { schema, type HearthDb } from '@hearth/db';
import { TriggerRuleInputSchema, type SiteId, type TriggerRule, type TriggerRuleFields, type TriggerRuleInput } from '@hearth/protocol';

const { triggers } = schema;

/** Time-ordered ids: equal priorities resolve to the older trigger (see evaluateTriggers). */
function newTriggerId(now: number): string {
  return `t${now.toString(36).padStart(9, '0')}${randomBytes(5).toString('hex')}`;
}

function toRule(row: { id: string; rule: string }): TriggerRule | null {
  try {
    const parsed = TriggerRuleInputSchema.safeParse(JSON.parse(row.rule));
    return parsed.success ? { id: row.id, ...parsed.data } : null;
  } catch {
    return null; // an unreadable rule is skipped, never served
  }
}

export function listTriggers(db: HearthDb, siteId: SiteId): TriggerRule[] {
  return db
    .select({ id: triggers.id, rule: triggers.rule })
    .from(triggers)
    .where(eq(triggers.siteId, siteId))
    .orderBy(asc(triggers.id))
    .all()
    .flatMap((row) => toRule(row) ?? []);
}

export function getTrigger(db: HearthDb, siteId: SiteId, id: string): TriggerRule | null {
  const row = db.select({ id: triggers.id, rule: triggers.rule }).from(triggers).where(and(eq(triggers.id, id), eq(triggers.siteId, siteId))).get();
  return row ? toRule(row) : null;
}

export function createTrigger(db: HearthDb, siteId: SiteId, input: TriggerRuleFields | TriggerRuleInput, now: number): TriggerRule {
  const fields = TriggerRuleInputSchema.parse(input);
  const id = newTriggerId(now);
  db.insert(triggers).values({ id, siteId, rule: JSON.stringify(fields), createdAt: now, updatedAt: now }).run();
  return { id, ...fields };
}

export function updateTrigger(db: HearthDb, siteId: SiteId, id: string, fields: TriggerRuleFields, now: number): TriggerRule | null {
  const result = db
    .update(triggers)
    .set({ rule: JSON.stringify(fields), updatedAt: now })
    .where(and(eq(triggers.id, id), eq(triggers.siteId, siteId)))
    .run();
  return result.changes === 1 ? { id, ...fields } : null;
}

export function deleteTrigger(db: HearthDb, siteId: SiteId, id: string): boolean {
  return db.delete(triggers).where(and(eq(triggers.id, id), eq(triggers.siteId, siteId))).run().changes === 1;
}

/** Ids of the site's triggers, to refuse signals about another site's. */
export function triggerIdsOf(db: HearthDb, siteId: SiteId): Set<string> {
  return new Set(db.select({ id: triggers.id }).from(triggers).where(eq(triggers.siteId, siteId)).all().map((r) => r.id));
}

/** The demo shop's triggers, created with the demo site (bootstrap/installation.ts). */
export function seedDemoTriggers(db: HearthDb, siteId: SiteId, now: number): void {
  createTrigger(
    db,
    siteId,
    {
      name: 'Cart abandon',
      when: [[{ signal: 'cart_abandon' }]],
      action: { message: 'Leaving with items in your cart? Questions about shipping or sizes, ask us here.', senderName: 'Maya from Ember & Oak', openPanel: false },
      priority: 80,
      cap: { per: 'visit', cooldownMinutes: 0 },
    },
    now,
  );
  createTrigger(
    db,
    siteId,
    {
      name: 'Rage clicks',
      when: [[{ signal: 'rage_click' }]],
      action: { message: 'Something not working? Tell us and we will sort it out.', senderName: null, openPanel: false },
      priority: 60,
      cap: { per: 'visit', cooldownMinutes: 0 },
    },
    now + 1,
  );
}
