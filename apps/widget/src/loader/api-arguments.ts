import type { HostIdentity, Theme, VisitorAttributes, WidgetLocale } from '@hearth/protocol';

/**
 * Checks for the arguments of `window.Hearth(...)`. Each returns the value to use or throws a
 * BadArgument, which the dispatcher (command-queue.ts) logs as `[hearth] ...` before ignoring the
 * call: checks run before any state changes, so a typo on the host page changes nothing and is easy
 * to find. Mirrors the protocol's zod rules (VisitorAttributesSchema) without zod, which would not
 * fit the loader's budget.
 */
export class BadArgument extends Error {}

const fail = (reason: string): never => {
  throw new BadArgument(reason);
};

// Same rules as ATTRIBUTE_KEY / MAX_ATTRIBUTES / AttributeValueSchema in @hearth/protocol (appearance.ts).
const ATTRIBUTE_KEY = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;

/**
 * `set(attributes)`, `identify({ attributes })`: a flat object of at most 50 keys like `plan` or
 * `account.id`; values text (≤ 500 chars), finite numbers, booleans, or null (removes the key).
 * `arrays` (track props only) counts an array as its length: cart `items: [...]` becomes `items: 3`.
 *
 * @example attributes({ plan: 'pro', seats: 3 }) // { plan: 'pro', seats: 3 }
 */
export function attributes(value: unknown, what = 'attributes', arrays = false): VisitorAttributes {
  if (!isPlainObject(value)) fail(what + ' must be a plain object');
  const entries = Object.entries(value as object);
  if (entries.length > 50) fail(what + ': at most 50 keys');
  const out: VisitorAttributes = {};
  for (let [key, v] of entries) {
    if (!ATTRIBUTE_KEY.test(key)) fail(`${what}: bad key "${key.slice(0, 70)}" (like plan or account.id)`);
    if (arrays && Array.isArray(v)) v = v.length;
    const type = v === null ? 'boolean' : typeof v;
    if (type === 'string' ? (v as string).length > 500 : type === 'number' ? !Number.isFinite(v) : type !== 'boolean') {
      fail(`${what}.${key}: text (≤ 500 chars), a number, true/false or null`);
    }
    out[key] = v as VisitorAttributes[string];
  }
  return out;
}

/**
 * `identify({ id?, hash?, name?, email?, attributes? })`, or null to forget the host's user.
 * Returns a copy with only these fields, so nothing else from a host object reaches postMessage.
 */
export function identity(value: unknown): HostIdentity | null {
  if (value == null) return null;
  if (!isPlainObject(value)) fail('identify needs { id, hash, name, email, attributes } or null');
  const v = value as Record<string, unknown>;
  const out: HostIdentity = {};
  for (const [field, max] of [['id', 256], ['hash', 128], ['name', 254], ['email', 254]] as const) {
    const text = v[field];
    if (text === undefined) continue;
    if (typeof text !== 'string' || text.length > max) fail(`identify: ${field} must be text (≤ ${max} chars)`);
    out[field] = text as string;
  }
  if (v.attributes !== undefined) out.attributes = attributes(v.attributes, 'identify attributes');
  return out;
}

/** `track(name, props?)`: a name of 1 to 64 characters and props like attributes (arrays count). */
export function trackArgs(name: unknown, props: unknown): { name: string; props?: VisitorAttributes } {
  if (typeof name !== 'string' || !name || name.length > 64) fail('track needs a name (≤ 64 chars)');
  return props == null ? { name: name as string } : { name: name as string, props: attributes(props, 'track props', true) };
}

/** `setLocale('de')` or a browser tag like 'de-AT'; null returns to the site's or browser's choice. */
export function locale(value: unknown): WidgetLocale | null {
  if (value === null) return null;
  const match = /^(en|de|es)(-|$)/i.exec(typeof value === 'string' ? value : '');
  return match ? (match[1]!.toLowerCase() as WidgetLocale) : fail('setLocale: en, de, es or null');
}

export function theme(value: unknown): Theme | null {
  return value === null || value === 'light' || value === 'dark' || value === 'auto' ? value : fail('setTheme: light, dark, auto or null');
}

/** `on(event, fn)` / `off(event, fn)`. */
export function listener<E extends string>(events: readonly E[], event: unknown, fn: unknown): [E, (data?: unknown) => void] {
  if (!events.includes(event as E)) fail(`on/off: unknown event "${String(event)}"`);
  return typeof fn === 'function' ? [event as E, fn as (data?: unknown) => void] : fail('on/off needs a function');
}
