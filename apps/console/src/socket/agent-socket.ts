import { io, type Socket } from 'socket.io-client';
import type {
  Ack,
  AckCallback,
  AgentClientToServerEvents,
  AgentServerToClientEvents,
  ErrorCode,
} from '@hearth/protocol';

export type AgentSocket = Socket<AgentServerToClientEvents, AgentClientToServerEvents>;

/**
 * Spelled out rather than imported: the protocol's value exports sit beside zod schemas, and
 * importing only types keeps zod out of the console bundle.
 */
const AGENT_NAMESPACE = '/agent';

/** Same origin; the httpOnly session cookie authenticates the handshake. */
export function connectAgentSocket(): AgentSocket {
  return io(AGENT_NAMESPACE, { transports: ['websocket', 'polling'], withCredentials: true });
}

export type AgentCommandName = keyof AgentClientToServerEvents;
export type CommandRequest<E extends AgentCommandName> = Parameters<AgentClientToServerEvents[E]>[0];
export type CommandData<E extends AgentCommandName> =
  Parameters<AgentClientToServerEvents[E]>[1] extends AckCallback<infer T> ? T : never;

export interface CommandError {
  /** The server's ErrorCode, or `timeout` when no ack came in time (disconnected, server busy). */
  code: ErrorCode | 'timeout';
  message: string;
}
export type CommandResult<T> = { ok: true; data: T } | { ok: false; error: CommandError };

export const COMMAND_TIMEOUT_MS = 10_000;

/**
 * Sends a command and resolves with its ack; never rejects.
 *
 * @example
 * const r = await command(socket, 'conversation:claim', { conversationId });
 * if (!r.ok) notify(r.error.message);
 */
export function command<E extends AgentCommandName>(
  socket: AgentSocket,
  event: E,
  request: CommandRequest<E>,
  timeoutMs = COMMAND_TIMEOUT_MS,
): Promise<CommandResult<CommandData<E>>> {
  return new Promise((resolve) => {
    const timed = socket.timeout(timeoutMs);
    // socket.io's typed emit cannot take a generic event name; this function's signature keeps callers typed.
    const emit = timed.emit as unknown as (
      event: string,
      request: unknown,
      callback: (err: Error | null, ack: Ack<CommandData<E>> | undefined) => void,
    ) => void;
    emit.call(timed, event, request, (err, ack) => {
      if (err) {
        resolve({ ok: false, error: { code: 'timeout', message: 'The server did not answer in time.' } });
      } else if (!ack || typeof ack !== 'object' || typeof ack.ok !== 'boolean') {
        resolve({ ok: false, error: { code: 'internal', message: 'Unexpected answer from the server.' } });
      } else {
        resolve(ack);
      }
    });
  });
}
