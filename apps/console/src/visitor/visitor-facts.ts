import type { VisitorAttributes, VisitorEvent } from '@hearth/protocol';

/**
 * The visitor's wall clock, in their time zone, e.g. "14:05 (Europe/Berlin)"; null when the zone is
 * unknown or this browser does not know it.
 *
 * @example visitorLocalTime('Asia/Tokyo', Date.UTC(2026, 0, 1, 0, 0)) // '09:00 (Asia/Tokyo)'
 */
export function visitorLocalTime(timeZone: string | null, now: number, locale?: string): string | null {
  if (!timeZone) return null;
  try {
    const time = new Intl.DateTimeFormat(locale ?? 'en-GB', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone }).format(now);
    return `${time} (${timeZone})`;
  } catch {
    return null;
  }
}

/** The newest cart-ish event (`cart_updated`, `checkout_started`, `add_to_cart`…), which the sidebar shows as the cart. */
export function latestCart(events: readonly VisitorEvent[]): VisitorEvent | null {
  return events.find((e) => /cart|checkout/i.test(e.name)) ?? null;
}

/** Attribute values as text, in key order. */
export function attributeRows(attributes: VisitorAttributes): Array<[string, string]> {
  return Object.entries(attributes)
    .filter(([, v]) => v !== null)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => [k, String(v)]);
}
