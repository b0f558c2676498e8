/**
 * The host page's storage. Blocked or full storage only costs features (the frame then loads on
 * first click instead of in advance, the launcher waits for its look, prompt caps last one page),
 * so every failure reads as "nothing stored" and every failed write is dropped.
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

export function loadJson<T>(key: string, fallback: T, kind?: Kind): T {
  try {
    return (JSON.parse(load(key, kind)!) as T | null) ?? fallback;
  } catch {
    return fallback;
  }
}

export const storeJson = (key: string, value: unknown, kind?: Kind): void => store(key, JSON.stringify(value), kind);

export const randomId = (): string => Math.random().toString(36).slice(2) + Date.now().toString(36);
