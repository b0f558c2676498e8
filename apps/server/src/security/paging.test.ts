import { describe, expect, it } from 'vitest';
import { takePage } from './paging.ts';

describe('takePage', () => {
  const big = (n: number) => Array.from({ length: n }, (_, i) => ({ i, body: 'x'.repeat(1000) }));

  it('cuts by bytes before count, and says there is more', () => {
    const page = takePage(big(100), { maxCount: 50, maxBytes: 10_000 });
    expect(page.items).toHaveLength(9); // 9 × ~1,017 bytes
    expect(page.hasMore).toBe(true);
    expect(Buffer.byteLength(JSON.stringify(page.items))).toBeLessThanOrEqual(10_000 + 8);
  });

  it('cuts by count', () => {
    expect(takePage(big(10), { maxCount: 3, maxBytes: 1e9 })).toMatchObject({ items: [{ i: 0 }, { i: 1 }, { i: 2 }], hasMore: true });
  });

  it('always moves forward: one item larger than the byte budget is a page of its own', () => {
    expect(takePage(big(2), { maxCount: 10, maxBytes: 10 })).toMatchObject({ items: [{ i: 0 }], hasMore: true });
  });

  it('counts UTF-8 bytes, not characters', () => {
    const emoji = [{ s: '😀'.repeat(100) }, { s: '😀'.repeat(100) }];
    expect(takePage(emoji, { maxCount: 10, maxBytes: 500 }).items).toHaveLength(1);
  });

  it('no more when everything fits and the query was not cut', () => {
    expect(takePage(big(3), { maxCount: 10, maxBytes: 1e9, fetchedLimit: 11 }).hasMore).toBe(false);
    expect(takePage(big(11), { maxCount: 20, maxBytes: 1e9, fetchedLimit: 11 }).hasMore).toBe(true);
  });
});
