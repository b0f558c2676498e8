import type { FrameToHost, StoredKey } from '@hearth/protocol';
import type { KeyValueStorage } from '@hearth/chat-client';

/**
 * localStorage, or null where the browser blocks it: touching `localStorage` in a third-party frame
 * can throw a SecurityError when the visitor blocks cookies. Everything then works for this page only.
 */
export function localStorageOrNull(): KeyValueStorage | null {
  try {
    const storage = window.localStorage;
    storage.getItem('hearth:probe');
    return {
      getItem: (key) => {
        try {
          return storage.getItem(key);
        } catch {
          return null;
        }
      },
      setItem: (key, value) => {
        try {
          storage.setItem(key, value);
        } catch {
          // Full or revoked: the caller keeps its in-memory copy.
        }
      },
    };
  } catch {
    return null;
  }
}

export interface HostStorage {
  storage: KeyValueStorage;
  /** Loads what the loader kept (its `hearth:stored` answer). */
  seed(values: Partial<Record<StoredKey, string>>): void;
  /** `Hearth('reset')`: drops every value here and has the loader forget its copies. */
  forget(): void;
}

/**
 * Fallback for a frame denied its own storage: values live in memory here and are mirrored into the
 * host page's storage by the loader (`hearth:store`), which hands them back on the next page.
 * Only the keys named by StoredKey ever leave the frame.
 */
export function createHostStorage(siteKey: string, post: (message: FrameToHost) => void): HostStorage {
  const memory = new Map<string, string>();
  const keyOf = (key: StoredKey): string => `hearth:${key}:${siteKey}`;
  return {
    storage: {
      getItem: (key) => memory.get(key) ?? null,
      setItem(key, value) {
        memory.set(key, value);
        for (const stored of ['token', 'outbox'] as const) {
          if (key === keyOf(stored)) post({ type: 'hearth:store', key: stored, value });
        }
      },
    },
    seed(values) {
      for (const stored of ['token', 'outbox'] as const) {
        const value = values[stored];
        if (value !== undefined) memory.set(keyOf(stored), value);
      }
    },
    forget() {
      memory.clear();
      for (const stored of ['token', 'outbox'] as const) post({ type: 'hearth:store', key: stored, value: null });
    },
  };
}
