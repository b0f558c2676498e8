import { schema, type HearthDb } from '@hearth/db';
import type { SignalBatchSchema, SiteId } from '@hearth/protocol';
import type { z } from 'zod';
import { triggerIdsOf } from './trigger-store.ts';

export class UnknownTrigger extends Error {}

/**
 * Stores one beacon's events for `siteId` (resolved from the site key, never from the body). A batch
 * naming a trigger of another site is refused whole: nothing of it is stored.
 */
export function recordSignals(db: HearthDb, siteId: SiteId, batch: z.output<typeof SignalBatchSchema>, now: number): number {
  const known = triggerIdsOf(db, siteId);
  if (batch.events.some((e) => e.type !== 'purchase' && !known.has(e.triggerId))) throw new UnknownTrigger();
  db.insert(schema.triggerEvents)
    .values(
      batch.events.map((e) =>
        e.type === 'purchase'
          ? { siteId, visitId: batch.visitId, type: e.type, triggerId: null, value: e.value, currency: e.currency, at: e.at, receivedAt: now }
          : { siteId, visitId: batch.visitId, type: e.type, triggerId: e.triggerId, value: null, currency: null, at: e.at, receivedAt: now },
      ),
    )
    .run();
  return batch.events.length;
}
