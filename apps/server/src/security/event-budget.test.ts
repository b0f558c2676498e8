import { describe, expect, it } from 'vitest';
import { createEventBudget } from './event-budget.ts';

describe('event budget', () => {
  it('allows a burst, refuses beyond it, and refills with time', () => {
    const b = createEventBudget(60, 3, 0);
    expect([b.take(0), b.take(0), b.take(0), b.take(0)]).toEqual([true, true, true, false]);
    expect(b.take(500)).toBe(false); // half a token
    expect(b.take(1000)).toBe(true); // one per second at 60/min
    expect(b.take(1000)).toBe(false);
    expect([b.take(60_000), b.take(60_000), b.take(60_000), b.take(60_000)]).toEqual([true, true, true, false]); // capped at burst
  });
});
