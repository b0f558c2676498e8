import { describe, expect, it } from 'vitest';
import type { VisitorEvent } from '@hearth/protocol';
import { attributeRows, latestCart, visitorLocalTime } from './visitor-facts.ts';

describe('visitor facts', () => {
  it('shows the visitor’s local time in their zone', () => {
    expect(visitorLocalTime('Asia/Tokyo', Date.UTC(2026, 0, 1, 0, 0))).toBe('09:00 (Asia/Tokyo)');
    expect(visitorLocalTime(null, 0)).toBeNull();
    expect(visitorLocalTime('Mars/Olympus', 0)).toBeNull();
  });
  it('finds the newest cart event', () => {
    const events: VisitorEvent[] = [
      { id: '3', name: 'page_scrolled', props: {}, at: 3 },
      { id: '2', name: 'cart_updated', props: { items: 2 }, at: 2 },
      { id: '1', name: 'checkout_started', props: {}, at: 1 },
    ];
    expect(latestCart(events)?.id).toBe('2');
    expect(latestCart([])).toBeNull();
  });
  it('lists attributes as text in key order, without removed ones', () => {
    expect(attributeRows({ plan: 'pro', active: true, seats: 3, gone: null })).toEqual([
      ['active', 'true'],
      ['plan', 'pro'],
      ['seats', '3'],
    ]);
  });
});
