import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  json: { id: string; type: string; createdAt: number; siteId: string; data: Record<string, unknown> };
}

/**
 * A real HTTP receiver on port 0 for webhook tests and the bench: records every POST, and answers
 * with the next status of `script` (then `fallback`).
 */
export async function startReceiver(options: { script?: number[]; fallback?: number; delayMs?: number; respond?: (got: Received) => number | undefined } = {}) {
  const received: Received[] = [];
  const script = [...(options.script ?? [])];
  let fallback = options.fallback ?? 200;
  const waiters: Array<() => void> = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const got: Received = { headers: req.headers, body, json: JSON.parse(body) as Received['json'] };
      received.push(got);
      const status = options.respond?.(got) ?? script.shift() ?? fallback;
      const answer = () => {
        res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'not now');
        for (const w of waiters.splice(0)) w();
      };
      if (options.delayMs) setTimeout(answer, options.delayMs);
      else answer();
    });
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    port,
    received,
    setFallback(status: number) {
      fallback = status;
    },
    /** Resolves once `n` requests arrived (or rejects after `ms`). */
    async waitFor(n: number, ms = 10_000): Promise<Received[]> {
      const deadline = Date.now() + ms;
      while (received.length < n) {
        if (Date.now() > deadline) throw new Error(`receiver got ${received.length} of ${n} requests`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
      return received.slice(0, n);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The README's five lines: how a receiver checks `Hearth-Signature` (with a 5-minute replay window). */
export function verifyHearthSignature(secret: string, body: string, header: string, toleranceSeconds = 300): boolean {
  const { t, v1 } = Object.fromEntries(header.split(',').map((p) => p.split('=')));
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
  const fresh = Math.abs(Date.now() / 1000 - Number(t)) <= toleranceSeconds;
  return fresh && typeof v1 === 'string' && v1.length === expected.length && timingSafeEqual(Buffer.from(v1), Buffer.from(expected));
}
