import type { KeyValueStorage } from '@hearth/chat-client';
import { MESSAGE_BODY_MAX } from './message-limits.ts';

/**
 * What an agent has typed but not sent, per conversation: kept while they switch conversations,
 * look at another page, lose the connection or reload the tab (sessionStorage: the tab's own, gone
 * when it closes). Keyed by agent, so a colleague signing in to the same tab never sees them, and
 * cleared on sign-out like the outbox. At most MAX_DRAFTS conversations (the oldest edit goes first),
 * each at most the length of a message.
 *
 * @example
 * const drafts = createDrafts(sessionStorage, agentId);
 * drafts.set(conversationId, { text: 'Hi Olive, ', mode: 'reply' });
 * drafts.get(conversationId); // { text: 'Hi Olive, ', mode: 'reply' }
 */
export interface Draft {
  text: string;
  mode: 'reply' | 'note';
}

export interface Drafts {
  get(conversationId: string): Draft | null;
  /** An empty text removes the draft. */
  set(conversationId: string, draft: Draft): void;
  clearAll(): void;
}

export const MAX_DRAFTS = 50;
export const draftsKey = (agentId: string) => `hearth:console-drafts:${agentId}`;

type Stored = Record<string, Draft & { at: number }>;

export function createDrafts(storage: KeyValueStorage | null, agentId: string, now: () => number = Date.now): Drafts {
  const key = draftsKey(agentId);
  let memory: Stored = {};

  function read(): Stored {
    if (!storage) return memory;
    try {
      const parsed: unknown = JSON.parse(storage.getItem(key) ?? '{}');
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
      // Storage is the user's to edit: keep only well-formed entries.
      const out: Stored = {};
      for (const [id, v] of Object.entries(parsed as Record<string, unknown>)) {
        const d = v as Partial<Draft & { at: number }>;
        if (typeof d?.text === 'string' && (d.mode === 'reply' || d.mode === 'note') && typeof d.at === 'number') {
          out[id] = { text: d.text.slice(0, MESSAGE_BODY_MAX), mode: d.mode, at: d.at };
        }
      }
      return out;
    } catch {
      return {};
    }
  }
  function write(next: Stored): void {
    memory = next;
    try {
      storage?.setItem(key, JSON.stringify(next));
    } catch {
      // Full or blocked storage: the drafts live in memory for this page.
    }
  }

  return {
    get(conversationId) {
      const d = read()[conversationId];
      return d ? { text: d.text, mode: d.mode } : null;
    },
    set(conversationId, draft) {
      const all = read();
      const before = all[conversationId];
      if (before?.text === draft.text && before.mode === draft.mode) return;
      delete all[conversationId];
      if (draft.text !== '') all[conversationId] = { text: draft.text.slice(0, MESSAGE_BODY_MAX), mode: draft.mode, at: now() };
      const ids = Object.keys(all).sort((a, b) => all[a]!.at - all[b]!.at);
      for (const id of ids.slice(0, Math.max(0, ids.length - MAX_DRAFTS))) delete all[id];
      write(all);
    },
    clearAll: () => write({}),
  };
}
