import type { VisitorProfileUpdate } from '@hearth/protocol';
import { ACK_TIMEOUT_MS, type VisitorSocket } from './outbox-sender.ts';

export interface TrackedEvent {
  id: string;
  name: string;
  props?: Record<string, string | number | boolean | null>;
  at: number;
}

/** Bounds what a chatty host page can pile up while the socket is down. */
const MAX_WAITING = 100;
const noop = (): void => {};

/**
 * Profile updates (`visitor:update`) and host-page events (`visitor:track`) from the host page:
 * sent at once when connected, else kept in order and sent on the next connect — before the
 * outbox drains, so a pre-chat form's name and email reach the server ahead of the first message.
 * Both commands are idempotent on the server, so a resend after a lost ack is harmless.
 * `update` resolves once the server answered (or gave no answer in time): the server runs a
 * visitor's commands concurrently, so whatever must come after a profile update waits for it.
 */
export function createVisitorCommands(socket: () => VisitorSocket | null) {
  let waiting: Array<(s: VisitorSocket) => void> = [];
  const run = (command: (s: VisitorSocket) => void): void => {
    const s = socket();
    if (s?.connected) command(s);
    else if (waiting.length < MAX_WAITING) waiting.push(command);
  };
  return {
    update: (update: VisitorProfileUpdate) =>
      new Promise<void>((resolve) => run((s) => s.timeout(ACK_TIMEOUT_MS).emit('visitor:update', update, () => resolve()))),
    track: (event: TrackedEvent) => run((s) => s.emit('visitor:track', event, noop)),
    flush(): void {
      const s = socket();
      if (!s?.connected) return;
      const commands = waiting;
      waiting = [];
      for (const command of commands) command(s);
    },
    clear(): void {
      waiting = [];
    },
  };
}
