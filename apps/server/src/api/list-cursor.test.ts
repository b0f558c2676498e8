import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, pageOf, type ListCursor } from './list-cursor.ts';

/** Rows newest first: ids r0..r9, with r3..r6 sharing one millisecond. */
const rows = [100, 90, 80, 70, 70, 70, 70, 60, 50, 40].map((t, i) => ({ id: `r${i}`, t }));
const key = (r: { id: string; t: number }) => r;

/** What the source answers for a cursor: rows older than t + 1, as many as asked. */
function fetch(cursor: ListCursor | null, ask: number) {
  const all = cursor ? rows.filter((r) => r.t < cursor.t + 1) : rows;
  return { rows: all.slice(0, ask), full: all.length >= ask };
}

describe('list cursor', () => {
  it('walks a list with a shared millisecond at a page edge: every row once, in order', () => {
    const seen: string[] = [];
    let cursor: ListCursor | null = null;
    for (let i = 0; i < 10; i++) {
      const ask = 3 + (cursor?.ids.length ?? 0);
      const got = fetch(cursor, ask);
      const { page, next } = pageOf(got.rows, cursor, 3, got.full, key);
      seen.push(...page.map((r) => r.id));
      if (!next) break;
      cursor = decodeCursor(encodeCursor(next));
    }
    expect(seen).toEqual(rows.map((r) => r.id));
  });

  it('refuses what is not a cursor', () => {
    expect(decodeCursor('nope')).toBeNull();
    expect(decodeCursor(Buffer.from('{"t":"x","ids":[]}').toString('base64url'))).toBeNull();
    expect(decodeCursor(encodeCursor({ t: 5, ids: ['a'] }))).toEqual({ t: 5, ids: ['a'] });
  });
});
