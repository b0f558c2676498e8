import { describe, expect, it } from 'vitest';
import { isOpen, localWeekTime } from './business-hours.ts';
import { estimateWaitSeconds } from './queue-estimate.ts';

const weekdays9to17 = { timeZone: 'Europe/Berlin', spans: [1, 2, 3, 4, 5].map((day) => ({ day, open: '09:00', close: '17:00' })) };

describe('business hours', () => {
  it('uses the schedule time zone, DST included', () => {
    // Monday 2026-11-23 07:59 UTC = 08:59 in Berlin (winter, UTC+1): closed; 08:00 UTC = 09:00: open.
    expect(isOpen(weekdays9to17, Date.UTC(2026, 10, 23, 7, 59))).toBe(false);
    expect(isOpen(weekdays9to17, Date.UTC(2026, 10, 23, 8, 0))).toBe(true);
    // Summer (UTC+2): Monday 2026-06-22 07:00 UTC = 09:00 Berlin.
    expect(isOpen(weekdays9to17, Date.UTC(2026, 5, 22, 7, 0))).toBe(true);
    // Closing time is exclusive; Saturday is closed.
    expect(isOpen(weekdays9to17, Date.UTC(2026, 10, 23, 16, 0))).toBe(false);
    expect(isOpen(weekdays9to17, Date.UTC(2026, 10, 28, 10, 0))).toBe(false);
    expect(localWeekTime(Date.UTC(2026, 10, 22, 23, 30), 'Asia/Tokyo')).toEqual({ day: 1, time: '08:30' });
  });

  it('no schedule means always open', () => {
    expect(isOpen(null, 0)).toBe(true);
  });
});

describe('estimateWaitSeconds', () => {
  it('scales with position and recent handling time, shared across online agents', () => {
    expect(estimateWaitSeconds({ position: 3, recentHandleSeconds: 120, agentsOnline: 2 })).toBe(180);
    expect(estimateWaitSeconds({ position: 1, recentHandleSeconds: null, agentsOnline: 1 })).toBe(180);
    expect(estimateWaitSeconds({ position: 1, recentHandleSeconds: 60, agentsOnline: 0 })).toBeNull();
  });
});
