import { channel } from 'node:diagnostics_channel';
import type { Socket } from 'socket.io';
import type { Ack } from '@hearth/protocol';

/**
 * What the one command door (realtime/commands.ts) tells observers, through Node's
 * diagnostics_channel so the door knows nothing of metrics or shutdown: a command was received
 * (parsed or not) and it was acked, with its outcome and latency. Subscribers filter by
 * `socket.nsp.server` (several apps can share a process in tests). Publishing costs nothing
 * while nobody subscribes.
 */
export interface CommandReceived {
  socket: Socket;
  event: string;
}
export interface CommandAcked {
  socket: Socket;
  event: string;
  /** `ok`, or the error code the ack carried (`invalid_payload`, `internal`, …). */
  outcome: string;
  /** From receipt to the ack being handed to Socket.IO (parse, handler, commit), in seconds. */
  seconds: number;
}

export const commandReceived = channel('hearth:command:received');
export const commandAcked = channel('hearth:command:acked');

/**
 * Wraps a command's ack so that receipt and answer are published. Called by the door once per
 * command, before parsing; the returned ack must be called exactly once (the door guarantees it).
 */
export function observeCommand<T>(socket: Socket, event: string, ack: (answer: Ack<T>) => void): (answer: Ack<T>) => void {
  if (!commandReceived.hasSubscribers && !commandAcked.hasSubscribers) return ack;
  const started = performance.now();
  commandReceived.publish({ socket, event } satisfies CommandReceived);
  return (answer) => {
    ack(answer);
    const outcome = answer.ok ? 'ok' : answer.error.code;
    commandAcked.publish({ socket, event, outcome, seconds: (performance.now() - started) / 1000 } satisfies CommandAcked);
  };
}
