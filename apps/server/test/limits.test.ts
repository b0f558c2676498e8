import { afterEach, describe, expect, it } from 'vitest';
import { io as connect } from 'socket.io-client';
import { AGENT_NAMESPACE } from '@hearth/protocol';
import { ask, connected, startServer, type Harness } from './harness.ts';
import { hashSessionToken } from '../src/auth/sessions.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('rate limits', () => {
  it('login attempts beyond the limit get 429, even with the right password', async () => {
    h = await startServer({ env: { RATE_LOGIN_PER_MIN: '5' } });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await h.post('/api/auth/login', { email: h.siteA.ownerEmail, password: 'wrong-guess' })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    const blocked = await h.post('/api/auth/login', { email: h.siteA.ownerEmail, password: 'correct-horse-battery' });
    expect(blocked).toMatchObject({ status: 429, body: { error: { code: 'rate_limited' } } });
  });

  it('widget sessions (each may create a visitor) are limited per IP', async () => {
    h = await startServer({ env: { RATE_WIDGET_SESSIONS_PER_HOUR: '3' } });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await h.post('/api/widget/session', { siteKey: h.siteA.siteKey, token: null })).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect((await h.post('/api/widget/session', { siteKey: h.siteA.siteKey, token: null })).body).toMatchObject({ error: { code: 'rate_limited' } });
    expect(await h.count('visitors')).toBe(3);
  });

  it('a flooding socket gets rate_limited acks while another site is served normally', async () => {
    h = await startServer({ env: { SOCKET_EVENTS_BURST: '10', SOCKET_EVENTS_PER_MIN: '60' } });
    const flooder = await h.visitor(h.siteA.siteKey);
    const other = await h.visitor(h.siteB.siteKey);
    const flood = await Promise.all(
      Array.from({ length: 60 }, (_, i) => ask(flooder.socket, 'message:send', { clientId: `flood-${i}-xxxx`, body: `spam ${i}` })),
    );
    const limited = flood.filter((a) => !a.ok && a.error.code === 'rate_limited').length;
    const accepted = flood.filter((a) => a.ok).length;
    expect(accepted).toBeGreaterThanOrEqual(10);
    expect(accepted).toBeLessThan(15); // the burst, plus what refilled during the flood
    expect(limited).toBe(60 - accepted);
    expect(await h.count('messages')).toBe(accepted);
    const fine = await ask(other.socket, 'message:send', { clientId: crypto.randomUUID(), body: 'business as usual' });
    expect(fine.ok).toBe(true);
  });
});

describe('sessions', () => {
  it('an agent socket is closed when its login session expires', async () => {
    h = await startServer();
    const agent = await h.agent(h.siteA.agentEmail);
    const token = agent.cookie.split('=')[1]!;
    // Expire the session a moment from now and reconnect, as a console would after a network blip.
    await h.sql('update agent_sessions set expires_at = ? where token_hash = ?', [Date.now() + 1500, hashSessionToken(token)]);
    agent.socket.disconnect();
    const again = connect(h.url + AGENT_NAMESPACE, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: { cookie: agent.cookie } });
    await connected(again);
    await new Promise((resolve) => again.on('disconnect', resolve));
    expect((await fetch(h.url + '/api/auth/me', { headers: { cookie: agent.cookie } })).status).toBe(401);
  });
});

describe('origins', () => {
  const agentSocket = (url: string, cookie: string, origin?: string) =>
    new Promise<string>((resolve) => {
      const socket = connect(url + AGENT_NAMESPACE, {
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
        extraHeaders: { cookie, ...(origin ? { origin } : {}) },
      });
      socket.once('connect', () => (socket.disconnect(), resolve('connected')));
      socket.once('connect_error', (err) => (socket.disconnect(), resolve(err.message)));
    });

  it('an agent socket from a foreign origin is refused even with a valid session cookie (cross-site WebSocket hijacking)', async () => {
    h = await startServer();
    const cookie = await h.login(h.siteA.agentEmail);
    expect(await agentSocket(h.url, cookie, 'https://evil.test')).toBe('forbidden_origin');
    expect(await agentSocket(h.url, cookie, 'null')).toBe('forbidden_origin');
    expect(await agentSocket(h.url, cookie, h.url)).toBe('connected');
    expect(await agentSocket(h.url, cookie)).toBe('connected');
  });
});
