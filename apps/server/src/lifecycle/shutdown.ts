import type { FastifyInstance } from 'fastify';

export interface ShutdownResult {
  /** True when the deadline passed and open connections were cut rather than closed. */
  forced: boolean;
  /** Commands and requests still in flight when the drain gave up waiting (0 when it did not). */
  abandoned: number;
  durationMs: number;
}

/**
 * Stops the app without losing an acked message, within `timeoutMs`:
 *
 * 1. Drain: `/readyz` turns 503, the listener stops accepting connections (idle keep-alives are
 *    closed), and commands arriving on open sockets are dropped unanswered (lifecycle.plugin.ts).
 * 2. Wait for what is in flight: received commands run to their commit and their ack is written;
 *    HTTP requests being answered finish.
 * 3. Close every socket at its transport, after its write buffer is flushed (so those acks leave):
 *    Socket.IO clients see `transport close`, which is their signal to reconnect (with backoff) and
 *    resync from their last seq; the widget resends what it has not seen acked, with the same ids.
 * 4. Close the app: jobs stop, the group commit flushes what is queued, the database closes.
 *
 * If the deadline passes at any step, remaining connections are destroyed and the close goes on.
 * Nothing acked is lost either way: an ack is only ever sent after its commit.
 */
export async function shutdown(app: FastifyInstance, { timeoutMs }: { timeoutMs: number }): Promise<ShutdownResult> {
  const started = performance.now();
  const deadline = started + timeoutMs;
  const left = () => Math.max(0, deadline - performance.now());
  let forced = false;
  let abandoned = 0;

  app.lifecycle.drain();
  if (app.server.listening) {
    app.server.close();
    app.server.closeIdleConnections();
  }

  if (!(await within(app.lifecycle.idle(), left()))) abandoned = app.lifecycle.inFlight;

  // Graceful transport close: engine.io waits for each socket's write buffer to drain first.
  const engine = app.io.engine as unknown as { clients: Record<string, { close(): void }>; clientsCount: number };
  for (const client of Object.values(engine.clients)) client.close();
  const allClosed = new Promise<void>((resolve) => {
    const check = () => (engine.clientsCount === 0 ? resolve() : setTimeout(check, 10).unref());
    check();
  });
  if (!(await within(allClosed, left()))) forced = true;

  const closed = app.close();
  if (!(await within(closed, left()))) forced = true;
  if (forced) {
    for (const socket of app.lifecycle.connections()) socket.destroy();
    // The rest of close (jobs, group commit flush, database) does not wait on the network.
    await within(closed, 2_000);
  }
  if (abandoned > 0) forced = true;
  return { forced, abandoned, durationMs: Math.round(performance.now() - started) };
}

/** True if `promise` settles within `ms`. */
async function within(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([
      promise.then(
        () => true as const,
        () => true as const,
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
