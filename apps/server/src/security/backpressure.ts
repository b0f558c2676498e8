/**
 * Backpressure for one engine.io connection: what the server has queued for a client that does
 * not read (engine.io's write buffer, then the WebSocket's `bufferedAmount`) is counted as packets
 * are queued; past `limitBytes` the connection is cut at once, discarding its queue, instead of
 * the server holding answers for a peer that never takes them.
 */
export interface EngineConnection {
  on(event: 'packetCreate', listener: (packet: { data?: unknown }) => void): unknown;
  on(event: 'flush', listener: (buffer: Array<{ data?: unknown }>) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  transport: { name: string; socket?: { bufferedAmount?: number; terminate?: () => void } };
  close(discard?: boolean): unknown;
}

const sizeOf = (data: unknown): number =>
  typeof data === 'string' ? Buffer.byteLength(data) : data instanceof ArrayBuffer || ArrayBuffer.isView(data) ? data.byteLength : 0;

/** Calls `onOver(queuedBytes)` once, then cuts the connection, when the queue passes `limitBytes`. */
export function watchSendBuffer(conn: EngineConnection, limitBytes: number, onOver: (queuedBytes: number) => void): void {
  // Bytes in engine.io's write buffer (not yet handed to the transport).
  let waiting = 0;
  let cut = false;
  conn.on('packetCreate', (packet) => {
    if (cut) return;
    waiting += sizeOf(packet.data);
    const queued = waiting + (conn.transport.socket?.bufferedAmount ?? 0);
    if (queued <= limitBytes) return;
    cut = true;
    onOver(queued);
    // `close(true)` drops engine.io's buffer; a WebSocket's own close would still wait up to 30 s
    // for a peer that does not read, holding what is buffered, so it is terminated outright.
    const ws = conn.transport.name === 'websocket' ? conn.transport.socket : undefined;
    conn.close(true);
    ws?.terminate?.();
  });
  conn.on('flush', (buffer) => {
    for (const packet of buffer) waiting -= sizeOf(packet.data);
    if (waiting < 0) waiting = 0;
  });
}
