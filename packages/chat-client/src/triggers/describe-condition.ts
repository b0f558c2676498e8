import type { TriggerCondition } from '@hearth/protocol';
import type { Blocked } from './evaluate-triggers.ts';

/** Words for the console's preview ("why would it not fire?"); kept out of the loader's bundle. */
export function describeCondition(c: TriggerCondition): string {
  switch (c.signal) {
    case 'rage_click':
      return 'a rage click';
    case 'cart_abandon':
      return 'an abandoned cart (non-empty cart, then exit intent, idle on checkout or leaving it)';
    case 'exit_intent':
      return 'exit intent';
    case 'time_on_page':
      return `at least ${c.seconds} s on the page`;
    case 'scroll_depth':
      return `scrolled at least ${c.percent}%`;
    case 'url':
    case 'referrer':
      return `${c.signal} matching ${c.match} ${c.pattern}`;
    case 'utm':
      return `utm_${c.param} = ${c.equals}`;
    case 'visit_count':
      return `visit count ${c.min ?? 0}–${c.max ?? '∞'}`;
    case 'event':
      return `custom event "${c.name}"`;
    case 'cart_value':
      return `cart value at least ${c.min}`;
  }
}

export const BLOCKED_TEXT: Record<Blocked, string> = {
  disabled: 'the trigger is disabled',
  capped: 'its frequency cap was reached for this visitor',
  audience: 'the visitor is not in its audience',
  agents_offline: 'no agent is online',
};
