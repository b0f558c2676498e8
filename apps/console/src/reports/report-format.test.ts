import { describe, expect, it } from 'vitest';
import { dayStart, dayValue, formatDuration, formatNumber, formatShare, lastDays, queryString } from './report-format.ts';

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
});
