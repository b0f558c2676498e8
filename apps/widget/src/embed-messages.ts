import type { FrameToHost, HostToFrame, StoredKey, WidgetEventName } from '@hearth/protocol';

/**
 * Runtime guards for the postMessage contract in `@hearth/protocol` (embed.ts). Origin and source
 * checks decide *who* may talk to us; these decide *what* we accept, so a same-origin script that
 * posts garbage (or an older loader) can never push an unexpected shape into our state.
 *
 * Only `import type` from the protocol: its runtime modules pull zod, which must stay out of the
 * browser bundles. The tables below are keyed by the unions' `type`, so adding a message to the
 * contract fails type-checking here until it has a guard.
 */
type Fields = Record<string, unknown>;

const isString = (v: unknown): v is string => typeof v === 'string';
const isPlainObject = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);
const widgetEvents: Record<WidgetEventName, true> = { 'message:received': true, 'message:sent': true, 'conversation:started': true, 'conversation:closed': true };

const storedKeys: Record<StoredKey, true> = { token: true, outbox: true };
/** Bounds what a frame can make the loader write into the host page's storage. */
export const STORED_VALUE_MAX = 100_000;

export const isStoredKey = (key: unknown): key is StoredKey =>
  isString(key) && Object.prototype.hasOwnProperty.call(storedKeys, key);

const hostToFrame: { [K in HostToFrame['type']]: (m: Fields) => boolean } = {
  'hearth:open': (m) => typeof m.focus === 'boolean',
  'hearth:closed': () => true,
  'hearth:page': (m) => {
    const p = m.page as Fields | null;
    return typeof p === 'object' && p !== null && isString(p.url) && isString(p.title) && (p.referrer === null || isString(p.referrer));
  },
  'hearth:identify': (m) => {
    const i = m.identity as Fields | null;
    if (i === null) return true;
    const optional = (v: unknown, max: number) => v === undefined || (isString(v) && v.length <= max);
    // Shape only: the frame drops what the server would refuse (see panel) and the server parses with zod.
    return typeof i === 'object' && optional(i.id, 256) && optional(i.hash, 128) && optional(i.email, 254) && optional(i.name, 254) && (i.attributes === undefined || isPlainObject(i.attributes));
  },
  'hearth:attributes': (m) => isPlainObject(m.attributes),
  'hearth:locale': (m) => m.locale === null || isString(m.locale),
  'hearth:theme': (m) => m.theme === null || m.theme === 'light' || m.theme === 'dark' || m.theme === 'auto',
  'hearth:reset': () => true,
  'hearth:track': (m) => {
    const e = m.event as Fields | null;
    return isPlainObject(e) && isString(e.id) && isString(e.name) && typeof e.at === 'number' && (e.props === undefined || isPlainObject(e.props));
  },
  'hearth:stored': (m) => {
    const v = m.values as Fields | null;
    return typeof v === 'object' && v !== null && Object.entries(v).every(([k, value]) => isStoredKey(k) && isString(value));
  },
  // Shape only: the server parses the context with its zod schema before storing anything.
  'hearth:trigger': (m) => {
    const c = m.context as Fields | null;
    return typeof c === 'object' && c !== null && isString(c.triggerId) && isString(c.triggerName) && Array.isArray(c.evidence) && Array.isArray(c.timeline);
  },
};

const frameToHost: { [K in FrameToHost['type']]: (m: Fields) => boolean } = {
  'hearth:ready': () => true,
  'hearth:close': () => true,
  'hearth:unread': (m) => typeof m.count === 'number' && Number.isInteger(m.count) && m.count >= 0,
  'hearth:conversation': (m) => typeof m.active === 'boolean',
  'hearth:store': (m) => isStoredKey(m.key) && (m.value === null || (isString(m.value) && m.value.length <= STORED_VALUE_MAX)),
  'hearth:event': (m) => Object.prototype.hasOwnProperty.call(widgetEvents, m.name as string) && isPlainObject(m.data) && isString((m.data as Fields).conversationId),
};

function check<T>(table: Record<string, (m: Fields) => boolean>, data: unknown): T | null {
  if (typeof data !== 'object' || data === null) return null;
  const m = data as Fields;
  // hasOwn: a `type` of "constructor" or "__proto__" must not find a prototype method.
  if (!isString(m.type) || !Object.prototype.hasOwnProperty.call(table, m.type)) return null;
  return table[m.type]!(m) ? (m as T) : null;
}

/** The message as a HostToFrame, or null if it is not one. */
export const parseHostToFrame = (data: unknown): HostToFrame | null => check<HostToFrame>(hostToFrame, data);

/** The message as a FrameToHost, or null if it is not one. */
export const parseFrameToHost = (data: unknown): FrameToHost | null => check<FrameToHost>(frameToHost, data);
