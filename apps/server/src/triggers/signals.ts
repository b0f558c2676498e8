import type { SignalBatchSchema, SiteId } from '@hearth/protocol';
import type { z } from 'zod';
import type { StoreTx } from '../store/store.ts';
import './trigger.store.ts';

export class UnknownTrigger extends Error {}

/**
 * Stores one beacon's events for `siteId` (resolved from the site key, never from the body), in
 * the caller's unit. A batch naming a trigger of another site is refused whole (throws
 * UnknownTrigger, so the unit rolls back): nothing of it is stored. Returns how many were stored.
 */
export async function recordSignals(tx: StoreTx, siteId: SiteId, batch: z.output<typeof SignalBatchSchema>, now: number): Promise<number> {
  const known = new Set(await tx.triggers.ids(siteId));
  if (batch.events.some((e) => e.type !== 'purchase' && !known.has(e.triggerId))) throw new UnknownTrigger();
  await tx.triggers.recordSignals(siteId, batch, now);
  return batch.events.length;
}
