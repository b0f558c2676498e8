import { describe, expect, it } from 'vitest';
import { KeyedBudgets, SocketCounts } from './client-limits.ts';

describe('SocketCounts', () => {
  it('refuses past any cap, takes all places or none, and releases once', () => {
    const counts = new SocketCounts();
    const a = counts.tryAdd([['v:1', 2], ['ip:x', 3]]);
    const b = counts.tryAdd([['v:1', 2], ['ip:x', 3]]);
    expect(a && b).toBeTruthy();
    expect(counts.tryAdd([['v:1', 2], ['ip:x', 3]])).toBeNull(); // the visitor is full
    expect(counts.count('ip:x')).toBe(2); // a refusal takes nothing
    const c = counts.tryAdd([['v:2', 2], ['ip:x', 3]]);
    expect(c).toBeTruthy();
    expect(counts.tryAdd([['v:3', 2], ['ip:x', 3]])).toBeNull(); // the address is full
    a!();
    a!();
    expect(counts.count('v:1')).toBe(1);
    expect(counts.count('ip:x')).toBe(2);
    b!();
    c!();
    expect(counts.size).toBe(0);
  });
});

describe('KeyedBudgets', () => {
  it('one budget for every socket of a key; keys do not share', () => {
    const budgets = new KeyedBudgets(60, 2);
    expect([budgets.take('v:1', 0), budgets.take('v:1', 0), budgets.take('v:1', 0)]).toEqual([true, true, false]);
    expect(budgets.take('v:2', 0)).toBe(true);
  });

  it('forgets a bucket only once it would be full again', () => {
    const budgets = new KeyedBudgets(60, 2); // refills in 2 s
    budgets.take('v:1', 0);
    budgets.take('v:1', 0);
    budgets.sweep(1000);
    expect(budgets.take('v:1', 1000)).toBe(true); // one token back, not a fresh bucket of two
    expect(budgets.take('v:1', 1000)).toBe(false);
    budgets.sweep(3000);
    expect(budgets.size).toBe(0);
  });
});
