import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type Harness } from './harness.ts';

/** Everything the server logs, as written (after redaction), one entry per line. */
function capture() {
  const lines: string[] = [];
  return {
    lines,
    destination: new Writable({
      write(chunk: Buffer | string, _encoding, done) {
        lines.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    }),
    json: () => lines.map((l) => JSON.parse(l) as Record<string, unknown> & { level: number; msg: string }),
  };
}

const MARKERS = {
  invite: 'INVITEsecret0123456789abcdefghijklmnopqrstu',
  query: 'QUERYsecret42',
  cookie: 'COOKIEsecret42',
  bearer: 'BEARERsecret42',
  password: 'PASSWORDsecret42',
};

describe('logs (a real server, Hearth logger options)', () => {
  let h: Harness | null = null;
  afterEach(async () => {
    await h?.close();
    h = null;
  });

  it('request lines are debug (nothing at info), carry the client address, and never a secret: tokens in paths and queries, cookies, Authorization, passwords; errors are at error with context', async () => {
    const log = capture();
    h = await startServer({ env: { LOG_LEVEL: 'debug', LOG_FORMAT: 'json' }, logDestination: log.destination });
    const get = (path: string, headers: Record<string, string> = {}) => fetch(h!.url + path, { headers });

    await get(`/api/invitations/${MARKERS.invite}`);
    await h.post(`/api/invitations/${MARKERS.invite}/accept`, { name: 'Eve', password: MARKERS.password });
    await get(`/api/widget/config?site=${h.siteA.siteKey}&token=${MARKERS.query}`);
    await get(`/api/auth/me?access_token=${MARKERS.query}`, { cookie: `hearth_session=${MARKERS.cookie}`, authorization: `Bearer ${MARKERS.bearer}` });
    await get(`/no-such-page?password=${MARKERS.query}`);
    // Every route with a secret parameter, including ones added after this test was written.
    const secretRoutes = h.routes.filter((r) => /:[A-Za-z]*(?:token|secret)/i.test(r.url));
    expect(secretRoutes.length).toBeGreaterThanOrEqual(2);
    for (const route of secretRoutes) {
      await fetch(h.url + route.url.replace(/:[A-Za-z]+/g, (p) => (/token|secret/i.test(p) ? MARKERS.invite : 'x')), {
        method: route.method,
        ...(route.method === 'GET' || route.method === 'HEAD' ? {} : { headers: { 'content-type': 'application/json' }, body: '{}' }),
      });
    }

    const entries = log.json();
    const requests = entries.filter((e) => e.msg === 'request');
    expect(requests.length).toBeGreaterThanOrEqual(5 + secretRoutes.length);
    expect(requests.every((e) => e.level === 20)).toBe(true);
    const invite = requests.find((e) => (e.req as { url: string }).url.startsWith('/api/invitations/'))!;
    expect(invite.req).toEqual({ method: 'GET', url: '/api/invitations/[redacted]', ip: '127.0.0.1' });
    expect(invite.res).toEqual({ statusCode: expect.any(Number) });
    expect(requests.some((e) => (e.req as { url: string }).url === `/api/widget/config?site=${h!.siteA.siteKey}&token=[redacted]`)).toBe(true);
    // Fastify's two info lines per request are gone.
    expect(entries.some((e) => e.msg === 'incoming request' || e.msg === 'request completed')).toBe(false);
    for (const marker of Object.values(MARKERS)) {
      expect(log.lines.filter((l) => l.includes(marker))).toEqual([]);
    }

    // At info (the default), requests write nothing; errors are written at error with their context, without secrets.
    h.app.log.level = 'info';
    const before = log.lines.length;
    for (let i = 0; i < 5; i++) await fetch(`${h.url}/api/widget/config?site=${h.siteA.siteKey}`);
    await fetch(`${h.url}/healthz`);
    expect(log.lines.slice(before)).toEqual([]);

    h.app.readiness.add('redis', async () => {
      throw new Error(`connect to redis://default:${MARKERS.password}@10.0.0.5:6379/0?password=${MARKERS.query} refused`);
    });
    expect((await fetch(`${h.url}/readyz`)).status).toBe(503);
    const failure = log.json().find((e) => e.msg === 'readiness check failed');
    expect(failure).toMatchObject({ level: 50, check: 'redis', err: { type: 'Error' } });
    expect(String((failure!.err as { message: string }).message)).toContain('?password=[redacted]');
    expect(log.lines.some((l) => l.includes(MARKERS.query) || l.includes(MARKERS.password))).toBe(false);
  });

  it('LOG_FORMAT=pretty writes readable lines, redacted the same way', async () => {
    const log = capture();
    h = await startServer({ env: { LOG_LEVEL: 'debug', LOG_FORMAT: 'pretty' }, logDestination: log.destination });
    await fetch(`${h.url}/api/invitations/${MARKERS.invite}`);
    const line = log.lines.find((l) => l.includes('request') && l.includes('/api/invitations/'));
    expect(line).toBeDefined();
    expect(line).toMatch(/DEBUG/);
    expect(line).toMatch(/DEBUG: request GET \/api\/invitations\/\[redacted\] 404 [\d.]+ ms \(127\.0\.0\.1\)$/);
    expect(() => JSON.parse(line!)).toThrow();
    expect(log.lines.some((l) => l.includes(MARKERS.invite))).toBe(false);
  });
});
