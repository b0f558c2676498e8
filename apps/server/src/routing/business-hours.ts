import type { BusinessHours } from '@hearth/protocol';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** Weekday (0 = Sunday) and "HH:MM" of an instant in a time zone, via Intl (handles DST). */
export function localWeekTime(at: number, timeZone: string): { day: number; time: string } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { day: WEEKDAYS.indexOf(get('weekday')), time: `${get('hour')}:${get('minute')}` };
}

/** null hours = always open. Spans are half-open: [open, close). */
export function isOpen(hours: BusinessHours | null, at: number): boolean {
  if (!hours) return true;
  const { day, time } = localWeekTime(at, hours.timeZone);
  return hours.spans.some((s) => s.day === day && s.open <= time && time < s.close);
}
