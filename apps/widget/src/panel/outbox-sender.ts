import type { Socket } from 'socket.io-client';
import type { Message, TriggerContext, VisitorClientToServerEvents, VisitorConversation, VisitorServerToClientEvents } from '@hearth/protocol';
import type { Outbox, OutboxEntry } from '@hearth/chat-client';
import { pendingItems, type PendingItem } from './chat-state.ts';

export type VisitorSocket = Socket<VisitorServerToClientEvents, VisitorClientToServerEvents>;

export const ACK_TIMEOUT_MS = 10_000;

export interface OutboxSender {
  /** Sends what is queued, oldest first; a no-op until `setReady(true)`. */
  drain(): Promise<void>;
  /** Ready once connected and synced, so a resent outbox lands after what the server already has. */
  setReady(ready: boolean): void;
  /** True while a message:send for this clientId awaits its ack. */
  isSending(clientId: string): boolean;
  /** What the timeline should show as not yet delivered. */
  pending(messages: readonly Message[]): PendingItem[];
}

interface SenderOptions {
  outbox: Outbox;
  socket(): VisitorSocket | null;
  onSent(message: Message, conversation: VisitorConversation): void;
  onChange(): void;
  /** The topic to start a conversation with; the server ignores it on later messages. */
  departmentId(): string | undefined;
  /** The prompt the visitor replied to, sent along until a message is accepted (the server uses it only when starting a conversation). */
  trigger?(): TriggerContext | null;
}

/**
 * Delivers the outbox over the socket, one message at a time so the server assigns seqs in the
 * visitor's order. An entry leaves the outbox only on an ok ack (or a refusal no resend can fix);
 * anything else keeps it for the next connect, and the clientId makes the resend idempotent.
 */
export function createOutboxSender({ outbox, socket, onSent, onChange, departmentId, trigger }: SenderOptions): OutboxSender {
  // clientId -> attempt number, so a stale timeout from an earlier connection cannot clear a newer send.
  const inFlight = new Map<string, number>();
  let attempts = 0;
  let failed: PendingItem[] = [];
  let ready = false;
  let draining = false;
  let drainAgain = false;

  function send(s: VisitorSocket, entry: OutboxEntry): Promise<void> {
    const attempt = ++attempts;
    inFlight.set(entry.clientId, attempt);
    onChange();
    return new Promise((resolve) => {
      const context = trigger?.() ?? null;
      const request = { clientId: entry.clientId, body: entry.body, departmentId: departmentId(), ...(context ? { trigger: context } : {}) };
      s.timeout(ACK_TIMEOUT_MS).emit('message:send', request, (err, ack) => {
        if (inFlight.get(entry.clientId) === attempt) inFlight.delete(entry.clientId);
        if (err) {
          // Timed out: stays queued; resent on the next connect (or with the next message).
        } else if (ack.ok) {
          outbox.remove(entry.clientId);
          onSent(ack.data.message, ack.data.conversation);
        } else if (ack.error.code === 'invalid_payload') {
          // Resending cannot fix it: show it as failed, with the server's reason.
          outbox.remove(entry.clientId);
          failed = [...failed, { ...entry, status: 'failed', error: ack.error.message }];
        }
        // Other refusals (rate_limited, internal…) stay queued for a later attempt.
        onChange();
        resolve();
      });
    });
  }

  return {
    async drain() {
      if (draining) {
        drainAgain = true;
        return;
      }
      draining = true;
      try {
        do {
          drainAgain = false;
          for (const entry of outbox.entries()) {
            const s = socket();
            if (!s?.connected || !ready) return;
            if (!inFlight.has(entry.clientId)) await send(s, entry);
          }
        } while (drainAgain);
      } finally {
        draining = false;
      }
    },
    setReady(next) {
      ready = next;
      // A disconnect loses every pending ack: those entries are resent after the next connect.
      if (!next) inFlight.clear();
    },
    isSending: (clientId) => inFlight.has(clientId),
    pending: (messages) => pendingItems(outbox.entries(), failed, messages, new Set(inFlight.keys())),
  };
}
