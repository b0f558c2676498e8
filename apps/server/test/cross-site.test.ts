import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type Harness } from './harness.ts';

/**
 * Issue 12, Low: same-site CSRF. A page on another origin of the same site (SameSite cookies do not
 * tell them apart) posted an HTML form to the trigger routes, which parsed text/plain as JSON.
 */
let h: Harness;
let owner: string;
beforeAll(async () => {
  h = await startServer();
  owner = await h.login(h.siteA.ownerEmail);
});
afterAll(async () => {
  await h.close();
});

const rule = { name: 'Planted', when: [[{ signal: 'rage_click' }]], action: { message: 'Hi', senderName: null, openPanel: false } };
const triggers = async () => (await h.sqlValue<number>('select count(*) from triggers')) ?? 0;

function send(method: string, path: string, headers: Record<string, string>, body?: string) {
  return fetch(h.url + path, { method, headers, ...(body === undefined ? {} : { body }) });
}

describe('state-changing console routes refuse cross-site requests', () => {
  it('an HTML form (text/plain) from another origin of the same site cannot create a trigger for a signed-in owner', async () => {
    const before = await triggers();
    const path = `/api/sites/${h.siteA.siteId}/triggers`;
    const sameSiteOtherOrigin = h.url.replace('127.0.0.1', 'localhost');
    const form = await send('POST', path, { cookie: owner, origin: sameSiteOtherOrigin, 'content-type': 'text/plain' }, JSON.stringify(rule));
    expect(form.status).toBe(403);
    // Even without an Origin (a browser that sends none), a form's text/plain body is not JSON to the console.
    const noOrigin = await send('POST', path, { cookie: owner, 'content-type': 'text/plain' }, JSON.stringify(rule));
    expect(noOrigin.status).toBe(415);
    expect(await triggers()).toBe(before);
    // The console itself (own origin, JSON) still works.
    const own = await send('POST', path, { cookie: owner, origin: h.url, 'content-type': 'application/json' }, JSON.stringify(rule));
    expect(own.status).toBe(201);
  });

  it('every state-changing /api route (but the widget’s) refuses a foreign Origin before doing anything', async () => {
    const unsafe = h.routes.filter((r) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method) && r.url.startsWith('/api/') && !r.url.startsWith('/api/widget/'));
    expect(unsafe.length).toBeGreaterThan(15);
    for (const route of unsafe) {
      const path = route.url.replace(/:siteId/g, h.siteA.siteId).replace(/:[A-Za-z]+/g, 'x1234567');
      const res = await send(route.method, path, { cookie: owner, origin: 'https://shop.example', 'content-type': 'application/json' }, '{}');
      expect([route.method, route.url, res.status]).toEqual([route.method, route.url, 403]);
    }
  });

  it('the widget’s beacon alone still takes text/plain from any origin', async () => {
    const res = await send(
      'POST',
      '/api/widget/signals',
      { origin: 'https://shop.example', 'content-type': 'text/plain;charset=UTF-8' },
      JSON.stringify({ siteKey: h.siteA.siteKey, visitId: 'visit-12345678', events: [{ type: 'purchase', value: 10, currency: 'EUR', at: Date.now() }] }),
    );
    expect(res.status).toBe(200);
  });
});
