import { describe, expect, it } from 'vitest';
import { dayStart, dayValue, everyDay, formatDuration, formatNumber, formatShare, lastDays, queryString } from './report-format.ts';

describe('report formatting', () => {
  it('formats durations, shares and numbers; null is a dash', () => {
    expect(formatDuration(null)).toBe('–');
    expect(formatDuration(42_400)).toBe('42s');
    expect(formatDuration(95_000)).toBe('1m 35s');
    expect(formatDuration(4_000_000)).toBe('1h 6m');
    expect(formatDuration(90_000_000)).toBe('1d 1h');
    expect(formatShare(1 / 3)).toBe('33%');
    expect(formatShare(null)).toBe('–');
    expect(formatNumber(3, 1)).toBe('3.0');
  });
  it('maps date inputs to UTC days and back', () => {
    expect(dayStart('2026-11-16')).toBe(Date.UTC(2026, 10, 16));
    expect(dayStart('nonsense')).toBeNull();
    expect(dayValue(Date.UTC(2026, 10, 16, 23))).toBe('2026-11-16');
    expect(lastDays(Date.UTC(2026, 10, 22, 15), 7)).toEqual({ from: Date.UTC(2026, 10, 16), to: Date.UTC(2026, 10, 23) });
  });
  it('builds query strings without empty values', () => {
    expect(queryString({ q: 'a b', siteId: '', rating: 4, agentId: null })).toBe('q=a+b&rating=4');
  });
  it('lists every day of the range, quiet days as 0', () => {
    const from = Date.UTC(2026, 9, 25);
    const days = everyDay([{ day: '2026-10-26', count: 3 }, { day: '2026-11-23', count: 1 }], from, from + 30 * 86_400_000);
    expect(days).toHaveLength(30);
    expect(days[0]).toEqual({ day: '2026-10-25', count: 0 });
    expect(days[1]).toEqual({ day: '2026-10-26', count: 3 });
    expect(days.filter((d) => d.count > 0)).toEqual([{ day: '2026-10-26', count: 3 }, { day: '2026-11-23', count: 1 }]);
    expect(days.at(-1)).toEqual({ day: '2026-11-23', count: 1 });
    // Across the end of a month and without any conversation.
    expect(everyDay([], Date.UTC(2026, 1, 27), Date.UTC(2026, 2, 2)).map((d) => d.day)).toEqual(['2026-02-27', '2026-02-28', '2026-03-01']);
  });
});
