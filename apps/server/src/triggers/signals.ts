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
  for (const e of batch.events) {
    if (e.type === 'shown') await tx.facts.record('trigger.prompt_shown', { siteId, triggerId: e.triggerId, visitId: batch.visitId, at: e.at, now });
    if (e.type === 'purchase') {
      for (const triggerId of await tx.triggers.shownInVisit(siteId, batch.visitId, e.at)) {
        await tx.facts.record('trigger.converted', { siteId, triggerId, visitId: batch.visitId, value: e.value, currency: e.currency, at: e.at, now });
      }
    }
  }
  return batch.events.length;
}

declare module '../store/facts.ts' {
  interface Facts {
    /** The loader showed a trigger's prompt (its beacon said so). `at`: the page's clock; `now`: received (epoch ms). */
    'trigger.prompt_shown': { siteId: SiteId; triggerId: string; visitId: string; at: number; now: number };
    /** A purchase in a visit where the trigger's prompt had been shown (the console's "conversions"). */
    'trigger.converted': { siteId: SiteId; triggerId: string; visitId: string; value: number; currency: string; at: number; now: number };
  }
}
