import type { TriggerRuleInput } from '@hearth/protocol';

/**
 * Starting points for the common cases, offered when an owner adds a trigger. New triggers start
 * disabled, so a half-edited one never reaches visitors; the owner switches it on when it reads right.
 */
export interface TriggerTemplate {
  id: string;
  title: string;
  summary: string;
  rule: TriggerRuleInput;
}

const base = { enabled: false, delaySeconds: 0, cap: { per: 'visit', cooldownMinutes: 0 } } as const;

export const TRIGGER_TEMPLATES: readonly TriggerTemplate[] = [
  {
    id: 'rage-checkout',
    title: 'Rage click on checkout',
    summary: 'Someone clicks the same spot over and over on the checkout page.',
    rule: {
      ...base,
      name: 'Rage clicks on checkout',
      when: [[{ signal: 'rage_click' }, { signal: 'url', match: 'glob', pattern: '*checkout*' }]],
      action: { message: 'Having trouble paying? We can help right here.', senderName: null, openPanel: false },
      priority: 90,
      audience: { visitors: 'all', onlyWhenAgentsOnline: true },
    },
  },
  {
    id: 'cart-abandon-value',
    title: 'Cart abandon over a value',
    summary: 'A cart worth at least 50 is about to be left behind.',
    rule: {
      ...base,
      name: 'Cart abandon over 50',
      when: [[{ signal: 'cart_abandon' }, { signal: 'cart_value', min: 50 }]],
      action: { message: 'Your cart is saved. Anything we can answer before you go?', senderName: null, openPanel: false },
      priority: 80,
      audience: { visitors: 'all', onlyWhenAgentsOnline: false },
    },
  },
  {
    id: 'exit-pricing',
    title: 'Exit intent on pricing',
    summary: 'A visitor on the pricing page heads for the address bar.',
    rule: {
      ...base,
      name: 'Leaving the pricing page',
      when: [[{ signal: 'exit_intent' }, { signal: 'url', match: 'glob', pattern: '/pricing*' }]],
      action: { message: 'Not sure which plan fits? Ask us, we reply in minutes.', senderName: null, openPanel: false },
      priority: 60,
      audience: { visitors: 'all', onlyWhenAgentsOnline: true },
    },
  },
  {
    id: 'blank',
    title: 'Start from scratch',
    summary: 'One condition: 30 seconds on any page.',
    rule: {
      ...base,
      name: 'New trigger',
      when: [[{ signal: 'time_on_page', seconds: 30 }]],
      action: { message: 'Questions? We are here.', senderName: null, openPanel: false },
      priority: 50,
      audience: { visitors: 'all', onlyWhenAgentsOnline: false },
    },
  },
];
