import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteId, WidgetSessionResponse } from '@hearth/protocol';
import { io as connect } from 'socket.io-client';
import { VISITOR_NAMESPACE } from '@hearth/protocol';
import { ask, connected, startServer, type Harness, type VisitorClient } from './harness.ts';
import { identityHash } from '../src/identity/identity-rules.ts';

let h: Harness;
let secret: string;
beforeAll(async () => {
  h = await startServer();
  secret = (await h.sqlValue<string>('select secret from sites where id = ?', [h.siteA.siteId]))!;
});
afterAll(async () => {
  await h.close();
});

/** A socket on a token as the widget would open it (h.visitor() would ask for a session without identity). */
async function socketFor(token: string): Promise<VisitorClient> {
  const socket: VisitorClient = connect(h.url + VISITOR_NAMESPACE, { auth: { token }, transports: ['websocket'], forceNew: true, reconnection: false });
  await connected(socket);
  return socket;
}

const session = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  h.post('/api/widget/session', { siteKey: h.siteA.siteKey, ...body }, headers);

describe("Hearth('identify'): verified visitors", () => {
  it('an identified visitor sees their history on another device', async () => {
    const identity = { id: 'user-1001', email: 'ann@shop.test', name: 'Ann', hash: identityHash(secret, 'user-1001') };
    const laptop = await session({ token: null, identity });
    expect(laptop.status).toBe(200);
    const first = laptop.body as WidgetSessionResponse;
    const v1 = await socketFor(first.token);
    await ask(v1, 'message:send', { clientId: crypto.randomUUID(), body: 'from my laptop' });

    const phone = (await session({ token: null, identity })).body as WidgetSessionResponse;
    expect(phone.visitorId).toBe(first.visitorId);
    const v2 = await socketFor(phone.token);
    const sync = await ask(v2, 'conversation:sync', { conversationId: null, afterSeq: 0 });
    expect(sync.ok && sync.data.messages.map((m) => m.body)).toEqual(['from my laptop']);
    const row = await h.sqlOne('select name, email, external_id from visitors where id = ?', [first.visitorId]);
    expect(row).toEqual({ name: 'Ann', email: 'ann@shop.test', external_id: 'user-1001' });
    v1.disconnect();
    v2.disconnect();
  });

  it('an anonymous visitor who signs in keeps what they wrote', async () => {
    const anon = await h.visitor(h.siteA.siteKey);
    await ask(anon.socket, 'message:send', { clientId: crypto.randomUUID(), body: 'before sign-in' });
    const signedIn = (await session({ token: anon.session.token, identity: { id: 'user-2002', hash: identityHash(secret, 'user-2002') } }))
      .body as WidgetSessionResponse;
    expect(signedIn.visitorId).toBe(anon.session.visitorId);
  });

  it('refuses missing, empty, wrong and another user’s hashes, and never falls back to anonymous', async () => {
    const before = await h.count('visitors');
    expect((await session({ token: null, identity: { id: 'user-1001' } })).status).toBe(400);
    for (const hash of ['', 'deadbeef', identityHash(secret, 'user-9999'), identityHash('another-secret', 'user-1001')]) {
      const res = await session({ token: null, identity: { id: 'user-1001', hash } });
      expect(res, hash).toMatchObject({ status: 401, body: { error: { code: 'identity_invalid' } } });
    }
    expect(await h.count('visitors')).toBe(before);
  });

  it('a token of an identified visitor presented without identity (signed out) is not that visitor', async () => {
    const identity = { id: 'user-3003', hash: identityHash(secret, 'user-3003') };
    const signedIn = (await session({ token: null, identity })).body as WidgetSessionResponse;
    const signedOut = (await session({ token: signedIn.token })).body as WidgetSessionResponse;
    expect(signedOut.visitorId).not.toBe(signedIn.visitorId);
  });

  it('"required" mode refuses anonymous sessions and accepts verified ones', async () => {
    await h.app.store.unit((tx) => tx.sites.updateSettings(h.siteA.siteId as SiteId, { requireIdentity: true }));
    try {
      expect(await session({ token: null })).toMatchObject({ status: 401, body: { error: { code: 'identity_required' } } });
      expect((await session({ token: null, identity: { id: 'u-5', hash: identityHash(secret, 'u-5') } })).status).toBe(200);
    } finally {
      await h.app.store.unit((tx) => tx.sites.updateSettings(h.siteA.siteId as SiteId, { requireIdentity: false }));
    }
  });
});

describe('allowed origins', () => {
  it('a site with a list only hands sessions to listed host pages', async () => {
    await h.app.store.unit((tx) => tx.sites.updateSettings(h.siteA.siteId as SiteId, { allowedOrigins: ['https://shop.example'] }));
    try {
      expect((await session({ token: null, host: 'https://shop.example' })).status).toBe(200);
      expect(await session({ token: null, host: 'https://evil.example' })).toMatchObject({ status: 403, body: { error: { code: 'origin_not_allowed' } } });
      expect((await session({ token: null }, { origin: 'https://evil.example' })).status).toBe(403);
      expect((await session({ token: null, host: 'https://shop.example' }, { origin: 'https://evil.example' })).status).toBe(403);
      expect((await session({ token: null }, { origin: 'https://shop.example' })).status).toBe(200);
      // A visitor socket opened from a foreign page is held to the same list; the frame's own origin passes.
      const token = ((await session({ token: null, host: 'https://shop.example' })).body as WidgetSessionResponse).token;
      const from = (origin: string) =>
        new Promise<string>((resolve) => {
          const s = connect(h.url + VISITOR_NAMESPACE, { auth: { token }, transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: { origin } });
          s.once('connect', () => (s.disconnect(), resolve('connected')));
          s.once('connect_error', (e) => (s.disconnect(), resolve(e.message)));
        });
      expect(await from('https://evil.example')).toBe('forbidden_origin');
      expect(await from('https://shop.example')).toBe('connected');
      expect(await from(h.url)).toBe('connected');
      // Site B has no list: any page.
      expect((await h.post('/api/widget/session', { siteKey: h.siteB.siteKey, host: 'https://anything.example' })).status).toBe(200);
    } finally {
      await h.app.store.unit((tx) => tx.sites.updateSettings(h.siteA.siteId as SiteId, { allowedOrigins: [] }));
    }
  });
});
