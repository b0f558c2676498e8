import { describe, expect, it } from 'vitest';
import { relativeTime } from './relative-time.ts';

describe('relativeTime', () => {
  const now = Date.UTC(2025, 5, 15, 12);
  it.each([
    [now - 10_000, 'now'],
    [now + 5_000, 'now'],
    [now - 5 * 60_000, '5 min'],
    [now - 3 * 3_600_000, '3 h'],
    [now - 2 * 86_400_000, '2 d'],
  ])('%i', (at, expected) => {
    expect(relativeTime(at, now)).toBe(expected);
  });

  it('falls back to a date after a week', () => {
    expect(relativeTime(now - 30 * 86_400_000, now)).not.toMatch(/min|h|d$/);
  });
});
