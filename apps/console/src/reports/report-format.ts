/** Display rules for report figures; null always reads as an en dash (no data, not zero). */

/** 95 000 → "1m 35s"; 4 000 000 → "1h 6m". */
export function formatDuration(ms: number | null): string {
  if (ms === null) return '–';
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${s % 60}s`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h}h ${m % 60}m`;
  return `${Math.floor(h / 24)}d ${h % 24}h`;
}

/** 0.3333 → "33%". */
export const formatShare = (share: number | null): string => (share === null ? '–' : `${Math.round(share * 100)}%`);

export const formatNumber = (n: number | null, digits = 0): string => (n === null ? '–' : n.toFixed(digits));

/** A date input's value ("2026-11-16") as the UTC midnight it names, in epoch ms; null if invalid. */
export function dayStart(value: string): number | null {
  const ms = Date.parse(`${value}T00:00:00Z`);
  return Number.isNaN(ms) ? null : ms;
}

/** The date input value ("YYYY-MM-DD", UTC) of an epoch ms. */
export const dayValue = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

const DAY = 86_400_000;

/** The default range: the last 30 UTC days, today included, as [from, to). */
export function lastDays(now: number, days = 30): { from: number; to: number } {
  const to = Math.floor(now / DAY) * DAY + DAY;
  return { from: to - days * DAY, to };
}

/** The query string of a report or search request, skipping empty values. */
export function queryString(params: Record<string, string | number | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '') q.set(k, String(v));
  return q.toString();
}

/**
 * The report's conversations per day with every UTC day of [from, to) present, quiet days as 0 (the
 * server lists only days that had conversations).
 *
 * @example everyDay([{ day: '2026-11-02', count: 3 }], Date.UTC(2026, 10, 1), Date.UTC(2026, 10, 4))
 * // [{ day: '2026-11-01', count: 0 }, { day: '2026-11-02', count: 3 }, { day: '2026-11-03', count: 0 }]
 */
export function everyDay(volume: ReadonlyArray<{ day: string; count: number }>, from: number, to: number): Array<{ day: string; count: number }> {
  const counts = new Map(volume.map((d) => [d.day, d.count]));
  const out: Array<{ day: string; count: number }> = [];
  // A guard against an absurd range: at most 1,100 bars (three years).
  for (let t = Math.floor(from / DAY) * DAY; t < to && out.length < 1100; t += DAY) {
    const day = dayValue(t);
    out.push({ day, count: counts.get(day) ?? 0 });
  }
  return out;
}
