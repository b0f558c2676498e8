import type { SiteId } from '@hearth/protocol';
import type { StoreTx } from '../store/store.ts';
import './trigger.store.ts';

/** The demo shop's triggers, created with the demo site in its unit (bootstrap/installation.ts). */
export async function seedDemoTriggers(tx: StoreTx, siteId: SiteId, now: number): Promise<void> {
  await tx.triggers.create(
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
  await tx.triggers.create(
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
