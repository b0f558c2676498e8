/**
 * Every client→server command is answered with exactly one Ack.
 *
 * @example
 * socket.emit('message:send', { clientId, body }, (ack) => {
 *   if (ack.ok) show(ack.data.message); else warn(ack.error.code);
 * });
 */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: AckError };

export type ErrorCode =
  | 'invalid_payload'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'conversation_closed'
  | 'rate_limited'
  | 'internal';

export interface AckError {
  code: ErrorCode;
  message: string;
}

/** Socket.IO ack callback for a command whose success carries T. */
export type AckCallback<T> = (ack: Ack<T>) => void;
