import { createOutbox, type KeyValueStorage, type OutboxEntry } from '@hearth/chat-client';
import type { ConversationId } from '@hearth/protocol';
import type { PendingReply } from './conversation-state.ts';

/**
 * Replies typed but not yet acknowledged, across conversations, kept in sessionStorage so a reload
 * mid-send loses nothing. The shared outbox stores whole entries, so each also carries its
 * conversationId; entries without one (written by something else) are ignored. Stored ids
 * are trusted as far as any id is: the server checks access on every command.
 *
 * @example
 * const outbox = createConsoleOutbox(sessionStorage);
 * outbox.add({ clientId: newClientId(), conversationId, body, queuedAt: Date.now() });
 */
export interface ConsoleOutbox {
  entries(): PendingReply[];
  add(reply: PendingReply): void;
  remove(clientId: string): void;
  clear(): void;
}

export const CONSOLE_OUTBOX_KEY = 'hearth:console-outbox';

type StoredReply = OutboxEntry & { conversationId: string };

export function createConsoleOutbox(storage: KeyValueStorage | null, key = CONSOLE_OUTBOX_KEY): ConsoleOutbox {
  const outbox = createOutbox(storage, key);
  const entries = (): PendingReply[] =>
    outbox.entries().flatMap((e) => {
      const conversationId = (e as Partial<StoredReply>).conversationId;
      return typeof conversationId === 'string'
        ? [{ clientId: e.clientId, conversationId: conversationId as ConversationId, body: e.body, queuedAt: e.queuedAt }]
        : [];
    });
  return {
    entries,
    add(reply) {
      const stored: StoredReply = {
        clientId: reply.clientId,
        conversationId: reply.conversationId,
        body: reply.body,
        queuedAt: reply.queuedAt,
      };
      outbox.add(stored);
    },
    remove: (clientId) => outbox.remove(clientId),
    clear() {
      for (const e of outbox.entries()) outbox.remove(e.clientId);
    },
  };
}
