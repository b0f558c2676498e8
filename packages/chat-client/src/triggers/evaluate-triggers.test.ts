import { describe, expect, it } from 'vitest';
import type { TriggerRule } from '@hearth/protocol';
import { evaluateTriggers, missingConditions, type VisitorSignals } from './evaluate-triggers.ts';

const base: VisitorSignals = {
  path: '/demo',
  referrer: '',
  visitCount: 1,
  timeOnPageS: 0,
  scrollDepth: 0,
  exitIntent: false,
  rage: null,
  cart: null,
  abandon: null,
  events: [],
  agentsOnline: true,
};
const ctx = { now: 1_000_000, visitId: 'visit-1', pageId: 'page-1' };

function rule(id: string, when: TriggerRule['when'], patch: Partial<TriggerRule> = {}): TriggerRule {
  return {
    id,
    name: `Rule ${id}`,
    enabled: true,
    when,
    action: { message: 'Hi', senderName: null, openPanel: false },
    delaySeconds: 0,
    priority: 50,
    cap: { per: 'visit', cooldownMinutes: 0 },
    audience: { visitors: 'all', onlyWhenAgentsOnline: false },
    ...patch,
  };
}

describe('evaluateTriggers', () => {
  it('AND groups need every condition; OR picks any group, with the evidence of the group that held', () => {
    const r = rule('a', [[{ signal: 'cart_value', min: 50 }, { signal: 'exit_intent' }], [{ signal: 'rage_click' }]]);
    expect(evaluateTriggers([r], { ...base, cart: { value: 84, currency: 'EUR', items: 3 } }, {}, ctx).winner).toBeNull();
    const and = evaluateTriggers([r], { ...base, exitIntent: true, cart: { value: 84, currency: 'EUR', items: 3 } }, {}, ctx);
    expect(and.winner?.evidence).toEqual(['cart €84.00', 'exit intent']);
    const or = evaluateTriggers([r], { ...base, rage: { clicks: 5, ms: 1200, label: "'Pay now'" } }, {}, ctx);
    expect(or.winner?.evidence).toEqual(["5 clicks on 'Pay now' in 1.2 s"]);
  });

  it('explains why a rule does not fire: the missing conditions of each group', () => {
    const r = rule('a', [[{ signal: 'time_on_page', seconds: 30 }, { signal: 'scroll_depth', percent: 50 }]]);
    const signals = { ...base, timeOnPageS: 40, scrollDepth: 10 };
    expect(evaluateTriggers([r], signals, {}, ctx).results[0]!.fires).toBe(false);
    expect(missingConditions(r, signals)).toEqual([[{ signal: 'scroll_depth', percent: 50 }]]);
  });

  it('cart abandon needs a non-empty cart and a reason', () => {
    const r = rule('a', [[{ signal: 'cart_abandon' }]]);
    expect(evaluateTriggers([r], { ...base, abandon: 'left through the top' }, {}, ctx).winner).toBeNull();
    expect(evaluateTriggers([r], { ...base, cart: { value: 0, currency: 'EUR', items: 0 }, abandon: 'left through the top' }, {}, ctx).winner).toBeNull();
    const fired = evaluateTriggers([r], { ...base, cart: { value: 84, currency: 'EUR', items: 3 }, abandon: 'left checkout' }, {}, ctx);
    expect(fired.winner?.evidence).toEqual(['cart €84.00, 3 items, left checkout']);
  });

  it('matches urls by glob and regex, referrers, utm tags, visit counts and custom events', () => {
    const s = { ...base, path: '/shop/checkout?step=2&utm_source=mail#pay', referrer: 'https://news.example/x', visitCount: 3, events: ['viewed_pricing'] };
    const fires = (c: TriggerRule['when'][number][number]) => evaluateTriggers([rule('a', [[c]])], s, {}, ctx).winner !== null;
    expect(fires({ signal: 'url', match: 'glob', pattern: '/shop/*' })).toBe(true);
    expect(fires({ signal: 'url', match: 'glob', pattern: '/blog/*' })).toBe(false);
    expect(fires({ signal: 'url', match: 'glob', pattern: '/shop.checkout*' })).toBe(false); // '.' is literal in a glob
    expect(fires({ signal: 'url', match: 'regex', pattern: 'step=\\d' })).toBe(true);
    expect(fires({ signal: 'url', match: 'regex', pattern: '(' })).toBe(false); // never compiles: matches nothing
    expect(fires({ signal: 'referrer', match: 'glob', pattern: '*news.example*' })).toBe(true);
    expect(fires({ signal: 'utm', param: 'source', equals: 'mail' })).toBe(true);
    expect(fires({ signal: 'utm', param: 'campaign', equals: 'mail' })).toBe(false);
    expect(fires({ signal: 'visit_count', min: 2 })).toBe(true);
    expect(fires({ signal: 'visit_count', max: 1 })).toBe(false);
    expect(fires({ signal: 'event', name: 'viewed_pricing' })).toBe(true);
  });

  it('picks one winner by priority, ties to the smaller id, whatever the input order', () => {
    const when: TriggerRule['when'] = [[{ signal: 'exit_intent' }]];
    const rules = [rule('c', when, { priority: 10 }), rule('b', when, { priority: 90 }), rule('a', when, { priority: 90 })];
    const s = { ...base, exitIntent: true };
    expect(evaluateTriggers(rules, s, {}, ctx).winner?.rule.id).toBe('a');
    expect(evaluateTriggers([...rules].reverse(), s, {}, ctx).winner?.rule.id).toBe('a');
  });

  it('respects caps per page, visit and visitor, and cooldowns', () => {
    const when: TriggerRule['when'] = [[{ signal: 'exit_intent' }]];
    const s = { ...base, exitIntent: true };
    const shown = { a: { at: ctx.now - 60_000, visitId: 'visit-1', pageId: 'page-0' } };
    const fires = (patch: Partial<TriggerRule>, c = ctx) => evaluateTriggers([rule('a', when, patch)], s, shown, c).winner !== null;
    expect(fires({ cap: { per: 'page', cooldownMinutes: 0 } })).toBe(true); // another page of the same visit
    expect(fires({ cap: { per: 'visit', cooldownMinutes: 0 } })).toBe(false);
    expect(fires({ cap: { per: 'visit', cooldownMinutes: 0 } }, { ...ctx, visitId: 'visit-2' })).toBe(true);
    expect(fires({ cap: { per: 'visitor', cooldownMinutes: 0 } }, { ...ctx, visitId: 'visit-2' })).toBe(false);
    expect(fires({ cap: { per: 'page', cooldownMinutes: 5 } })).toBe(false); // shown a minute ago
    expect(evaluateTriggers([rule('a', when, { cap: { per: 'visit', cooldownMinutes: 0 } })], s, shown, ctx).results[0]!.blocked).toBe('capped');
  });

  it('respects the audience, agents online and the enabled flag', () => {
    const when: TriggerRule['when'] = [[{ signal: 'exit_intent' }]];
    const s = { ...base, exitIntent: true, visitCount: 1, agentsOnline: false };
    const blocked = (patch: Partial<TriggerRule>) => evaluateTriggers([rule('a', when, patch)], s, {}, ctx).results[0]!.blocked;
    expect(blocked({ audience: { visitors: 'returning', onlyWhenAgentsOnline: false } })).toBe('audience');
    expect(blocked({ audience: { visitors: 'new', onlyWhenAgentsOnline: false } })).toBeNull();
    expect(blocked({ audience: { visitors: 'all', onlyWhenAgentsOnline: true } })).toBe('agents_offline');
    expect(blocked({ enabled: false })).toBe('disabled');
  });
});
