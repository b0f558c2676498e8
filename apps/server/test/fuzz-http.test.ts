import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { startServer, type Harness } from './harness.ts';
import { dbFingerprint } from './db-fingerprint.ts';

/**
 * Every HTTP route the app registered (seen through buildApp's onRoute hook, so routes added by
 * other features are covered) × hostile bodies, content types, path parameters and cookies:
 * never a 500, and a refused request (4xx) leaves the database byte-for-byte unchanged.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);

let h: Harness;
beforeAll(async () => {
  h = await startServer();
});
afterAll(async () => {
  await h.close();
});

const hostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.constantFrom('', '..', '%00', '%2e%2e%2f', "' OR 1=1 --", '{"$regex":".*"}', '<script>', 'x'.repeat(3000)),
);
const body = fc.oneof(
  fc.json({ maxDepth: 3 }).map((b) => ({ type: 'application/json', b })),
  fc.anything({ maxDepth: 3 }).map((v) => ({ type: 'application/json', b: JSON.stringify(v) ?? 'null' })),
  fc.record({ email: fc.anything(), password: fc.anything(), siteKey: fc.anything(), token: fc.anything() }).map((v) => ({ type: 'application/json', b: JSON.stringify(v) })),
  hostileText.map((b) => ({ type: 'application/json', b })),
  hostileText.map((b) => ({ type: 'text/plain', b })),
  hostileText.map((b) => ({ type: 'application/x-www-form-urlencoded', b })),
  fc.constantFrom(
    { type: 'application/json', b: '{"a":' + '['.repeat(10_000) },
    { type: 'application/json', b: JSON.stringify({ x: 'y'.repeat(70_000) }) }, // over the 64 KiB body limit
    { type: 'application/json', b: '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}' },
    { type: 'multipart/form-data; boundary=x', b: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--' },
    { type: 'application/octet-stream', b: '\u0000\u0001\u0002' },
  ),
);
const cookie = fc.constantFrom('', 'hearth_session=', 'hearth_session=' + 'a'.repeat(5000), 'hearth_session={"$ne":null}', 'hearth_session=%00');
/** Authorization headers: none, hostile, and (set in the test) a valid read+write API token, so /api/v1 handlers see the inputs too. */
const hostileBearer = fc.constantFrom('', 'Bearer ', 'Bearer hth_' + 'a'.repeat(40), 'Bearer ' + 'x'.repeat(5000), 'Basic YTpi', 'Bearer hth_%00%00%00%00%00%00%00%00');

describe('HTTP fuzzing', () => {
  it('no route answers 500 to hostile input, and refused input writes nothing', async () => {
    const owner = await h.login(h.siteA.ownerEmail);
    const created = await h.request('POST', `/api/sites/${h.siteA.siteId}/api-tokens`, owner, { name: 'fuzz', scopes: ['read', 'write'] });
    const bearer = fc.oneof(hostileBearer, fc.constant(`Bearer ${(created.body as { token: string }).token}`));
    const routes = [...new Map(h.routes.filter((r) => r.method !== 'HEAD').map((r) => [`${r.method} ${r.url}`, r])).values()];
    expect(routes.length).toBeGreaterThan(5);
    const tally = { routes: routes.length, inputs: 0, status4xx: 0, status2xx3xx: 0, notBuilt503: 0 };
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(body, hostileText, fc.oneof(cookie, fc.constant(owner)), bearer, async (b, param, c, authorization) => {
          // Path parameters and wildcards get hostile values too.
          const path = route.url.replace(/:[A-Za-z]+|\*/g, encodeURIComponent(param) || 'x');
          const before = await dbFingerprint(h);
          const res = await fetch(h.url + path, {
            method: route.method,
            headers: { 'content-type': b.type, cookie: c, ...(authorization ? { authorization } : {}) },
            body: route.method === 'GET' ? undefined : b.b,
            redirect: 'manual',
          });
          const text = await res.text();
          tally.inputs++;
          if (res.status === 503 && text.includes('not_built')) {
            tally.notBuilt503++;
            return;
          }
          expect(res.status, `${route.method} ${path} -> ${text.slice(0, 200)}`).toBeLessThan(500);
          if (res.status >= 400) {
            tally.status4xx++;
            expect(await dbFingerprint(h), `${route.method} ${path} wrote despite ${res.status}`).toBe(before);
          } else tally.status2xx3xx++;
        }),
        { numRuns: RUNS },
      );
    }
    console.info(`[fuzz:http] ${JSON.stringify(tally)} crashes: 0`);
    // The server still serves: a fresh login works and its session reads back.
    const again = await h.login(h.siteA.ownerEmail);
    expect((await fetch(h.url + '/api/auth/me', { headers: { cookie: again } })).status).toBe(200);
  // Hundreds of routes × principals × hostile inputs: ~85 s on an idle two-core machine.
  }, 300_000);
});
