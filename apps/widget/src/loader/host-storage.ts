/**
 * The host page's storage. Blocked or full storage only costs features (the frame then loads on
 * first click instead of in advance, the launcher waits for its look, prompt caps last one page),
 * so every failure reads as "nothing stored" and every failed write is dropped.
 *
 * This runs in someone else's page, whose built-ins may be patched: Prototype.js 1.6 gives Array a
 * toJSON that makes JSON.stringify double-encode every array, MooTools 1.2 replaced JSON itself.
 * So values are written by `toJson` (ours: no toJSON, no page JSON), and what is read back is only
 * used after the caller's check of its shape: anything else (a double-encoded list from an older
 * loader, a page whose JSON.parse is gone) reads as the fallback.
 */
type Kind = 'localStorage' | 'sessionStorage';

export function load(key: string, kind: Kind = 'localStorage'): string | null {
  try {
    return window[kind].getItem(key);
  } catch {
    return null;
  }
}

/** null removes the key. */
export function store(key: string, value: string | null, kind: Kind = 'localStorage'): void {
  try {
    if (value === null) window[kind].removeItem(key);
    else window[kind].setItem(key, value);
  } catch {
    // see above
  }
}

/** A stored JSON value that passes `valid`, else `fallback` (missing, unreadable, or not the shape we wrote). */
export function loadJson<T>(key: string, fallback: T, valid: (value: any) => unknown, kind?: Kind): T {
  try {
    const value: unknown = JSON.parse(load(key, kind)!);
    return valid(value) ? (value as T) : fallback;
  } catch {
    return fallback;
  }
}

export const storeJson = (key: string, value: unknown, kind?: Kind): void => store(key, toJson(value), kind);

/**
 * JSON text of plain data (null, booleans, numbers, strings, arrays, plain objects; undefined
 * and function members left out), written without JSON.stringify or any toJSON method of the page.
 *
 * @example toJson({ a: [1, 'x'] }) // '{"a":[1,"x"]}', even with Prototype 1.6 loaded
 */
export function toJson(value: unknown): string {
  if (typeof value == 'string') return '"' + value.replace(/["\\\u0000-\u001f\u2028\u2029]/g, (c) => '\\u' + (c.charCodeAt(0) + 65536).toString(16).slice(1)) + '"';
  if (typeof value == 'number') return isFinite(value) ? '' + value : 'null';
  if (typeof value != 'object' || !value) return value === true ? 'true' : value === false ? 'false' : 'null';
  const parts: string[] = [];
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) parts.push(toJson(value[i]));
    return '[' + parts.join() + ']';
  }
  for (const key of Object.keys(value)) {
    const member = (value as Record<string, unknown>)[key];
    if (member !== undefined && typeof member != 'function') parts.push(toJson(key) + ':' + toJson(member));
  }
  return '{' + parts.join() + '}';
}

/** A plain object (not an array, not null): what the loader stores records as. */
export const isRecord = (value: unknown): value is Record<string, any> => !!value && typeof value == 'object' && !Array.isArray(value);

export const randomId = (): string => Math.random().toString(36).slice(2) + Date.now().toString(36);

/**
 * These functions, as the loader hands them to its chunks (frame link, triggers): one copy in the
 * page, in the loader, instead of a shared chunk each would import.
 */
export type HostStorage = Pick<typeof import('./host-storage.ts'), 'isRecord' | 'load' | 'loadJson' | 'randomId' | 'store' | 'storeJson' | 'toJson'>;
