import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiTokenCreated, TranscriptSearchHit } from '@hearth/protocol';
import { ask, startServer, type Harness } from './harness.ts';

let h: Harness;
let reader: string;
let writer: string;
let readerB: string;
const conversations: string[] = [];
let visitorId = '';

async function token(siteId: string, ownerEmail: string, scopes: string[]): Promise<string> {
  const owner = await h.login(ownerEmail);
  const res = await h.request('POST', `/api/sites/${siteId}/api-tokens`, owner, { name: `t-${scopes.join('-')}`, scopes });
  return (res.body as unknown as ApiTokenCreated).token;
}

function api(base: string, method: string, path: string, bearer: string | null, body?: unknown, headers: Record<string, string> = {}) {
  return fetch(`${base}/api/v1${path}`, {
    method,
    headers: { ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  }).then(async (res) => ({ status: res.status, headers: res.headers, body: (await res.json()) as Record<string, any> }));
}
const call = (method: string, path: string, bearer: string | null, body?: unknown, headers: Record<string, string> = {}) => api(h.url, method, path, bearer, body, headers);

beforeAll(async () => {
  h = await startServer();
  reader = await token(h.siteA.siteId, h.siteA.ownerEmail, ['read']);
  writer = await token(h.siteA.siteId, h.siteA.ownerEmail, ['read', 'write']);
  readerB = await token(h.siteB.siteId, h.siteB.ownerEmail, ['read']);
  // Five visitors write: five conversations, the last one from a visitor who gave their details.
  for (let i = 0; i < 5; i++) {
    const v = await h.visitor(h.siteA.siteKey);
    if (i === 4) {
      await ask(v.socket, 'visitor:update', { name: 'Maya Lind', email: 'maya@example.com', attributes: { plan: 'pro', orders: 4 } });
      visitorId = v.session.visitorId;
    }
    const sent = await ask(v.socket, 'message:send', { clientId: crypto.randomUUID(), body: `question number ${i} about candles` });
    if (!sent.ok) throw new Error('send failed');
    conversations.push(sent.data.conversation.id);
    v.socket.disconnect();
  }
});
afterAll(async () => {
  await h.close();
});

describe('/api/v1 reads', () => {
  it('lists the site’s conversations newest first with the console’s filters, page by page with a cursor', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await call('GET', `/conversations?limit=2${cursor ? `&cursor=${cursor}` : ''}`, reader);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.conversations.length).toBeLessThanOrEqual(2);
      seen.push(...(res.body.conversations as TranscriptSearchHit[]).map((c) => c.conversationId));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(seen).toEqual([...conversations].reverse());
    const found = await call('GET', '/conversations?q=number%203', reader);
    expect(found.body.conversations.map((c: TranscriptSearchHit) => c.conversationId)).toEqual([conversations[3]]);
    expect((await call('GET', '/conversations?status=closed', reader)).body.conversations).toEqual([]);
    expect((await call('GET', '/conversations?cursor=garbage', reader)).body.error.code).toBe('invalid_cursor');
    expect((await call('GET', '/conversations?limit=500', reader)).status).toBe(400);
    // Another site's token sees none of them.
    expect((await call('GET', '/conversations', readerB)).body.conversations).toEqual([]);
  });

  it('reads a visitor with their details and attributes; not another site’s', async () => {
    const res = await call('GET', `/visitors/${visitorId}`, reader);
    expect(res.status).toBe(200);
    expect(res.body.visitor).toMatchObject({ id: visitorId, name: 'Maya Lind', email: 'maya@example.com', attributes: { plan: 'pro', orders: 4 }, externalId: null });
    expect((await call('GET', `/visitors/${visitorId}`, readerB)).status).toBe(404);
    expect((await call('GET', '/visitors/nope', reader)).status).toBe(404);
  });

  it('reads the report of a range, as the console’s Reports page', async () => {
    const res = await call('GET', `/reports?from=0&to=${Date.now() + 60_000}`, reader);
    expect(res.status).toBe(200);
    expect(res.body.overall).toMatchObject({ conversations: 5 });
    expect((await call('GET', '/reports?from=0', reader)).status).toBe(400);
    expect((await call('GET', `/reports?from=0&to=${Date.now() + 60_000}`, readerB)).body.overall.conversations).toBe(0);
  });

  it('a write-only token cannot read; writes need the write scope', async () => {
    const writeOnly = await token(h.siteA.siteId, h.siteA.ownerEmail, ['write']);
    expect((await call('GET', '/conversations', writeOnly)).body.error.code).toBe('insufficient_scope');
    expect((await call('GET', '/conversations', writer)).status).toBe(200);
  });
});
