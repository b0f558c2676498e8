import { describe, expect, it } from 'vitest';
import type { PageView } from './conversation.ts';
import { SESSION_GAP_MS, sessionPages } from './page-session.ts';

const MIN = 60_000;
const view = (url: string, viewedAt: number): PageView => ({ url, title: url, referrer: null, viewedAt });

describe('sessionPages', () => {
  it('is empty for no views', () => {
    expect(sessionPages([])).toEqual([]);
  });

  it('keeps views up to the first gap of more than 30 minutes', () => {
    const views = [view('/c', 100 * MIN), view('/b', 80 * MIN), view('/a', 75 * MIN), view('/old', 30 * MIN)];
    expect(sessionPages(views).map((v) => v.url)).toEqual(['/c', '/b', '/a']);
  });

  it('measures the gap between consecutive views, not from the newest', () => {
    // Each step is 20 minutes: one session spanning an hour.
    const views = [view('/d', 60 * MIN), view('/c', 40 * MIN), view('/b', 20 * MIN), view('/a', 0)];
    expect(sessionPages(views)).toHaveLength(4);
  });

  it('treats exactly 30 minutes as the same session and a millisecond more as a new one', () => {
    expect(sessionPages([view('/b', SESSION_GAP_MS), view('/a', 0)])).toHaveLength(2);
    expect(sessionPages([view('/b', SESSION_GAP_MS + 1), view('/a', 0)])).toHaveLength(1);
  });

  it('caps the list', () => {
    const views = Array.from({ length: 80 }, (_, i) => view(`/${i}`, (80 - i) * MIN));
    expect(sessionPages(views)).toHaveLength(50);
    expect(sessionPages(views, 3).map((v) => v.url)).toEqual(['/0', '/1', '/2']);
  });
});
