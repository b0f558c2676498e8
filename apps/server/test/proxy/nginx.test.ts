import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Writable } from 'node:stream';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import { AGENT_NAMESPACE, VISITOR_NAMESPACE, type Message, type WidgetSessionResponse } from '@hearth/protocol';
import { connected, nextEvent, PASSWORD, startServer, type Harness } from '../harness.ts';
import { freePort, startNginx, type Nginx } from './nginx.ts';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/**
 * Hearth behind Debian's nginx running deploy/nginx/hearth.conf, over TLS with a throwaway
 * certificate. Clients take distinct loopback addresses (127.0.0.2, .3 …) so that, as on the
 * internet, each is its own client; nginx reaches Hearth from 127.0.0.1, the one trusted proxy,
 * plus 127.0.0.4 standing in for a CDN in front of nginx (TRUST_PROXY="127.0.0.1, 127.0.0.4").
 */
describe('behind nginx with TLS', () => {
  let h: Harness;
  let nginx: Nginx;
  let base: string;
  let httpPort: number;
  const logLines: string[] = [];
  const sockets: Socket[] = [];

  beforeAll(async () => {
    const tlsPort = await freePort();
    httpPort = await freePort();
    base = `https://127.0.0.1:${tlsPort}`;
    h = await startServer({
      env: {
        TRUST_PROXY: '127.0.0.1, 127.0.0.4',
        PUBLIC_URL: base,
        COOKIE_SECURE: 'true',
        RATE_LOGIN_PER_MIN: '3',
        RATE_WIDGET_SESSIONS_PER_HOUR: '3',
        LOG_LEVEL: 'debug',
        LOG_FORMAT: 'json',
      },
      logDestination: new Writable({
        write(chunk: Buffer, _encoding, done) {
          logLines.push(...String(chunk).split('\n').filter(Boolean));
          done();
        },
      }),
    });
    nginx = await startNginx({ tlsPort, httpPort, upstreamPort: Number(new URL(h.url).port) });
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await nginx?.stop();
    await h?.close();
  });

  /** One HTTPS request through nginx from `from` (a loopback address), or plain HTTP straight to `url`. */
  const call = (method: string, url: string, options: { from: string; headers?: Record<string, string>; body?: unknown }): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const body = options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      const send = url.startsWith('https:') ? httpsRequest : httpRequest;
      const req = send(
        url,
        {
          method,
          ca: nginx.ca,
          localAddress: options.from,
          agent: false,
          headers: { ...(body === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }), ...options.headers },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const via = (path: string) => base + path;

  it('chats both ways over TLS: a visitor on WebSocket, another on long-polling, an agent on wss', async () => {
    const session = JSON.parse(
      (await call('POST', via('/api/widget/session'), { from: '127.0.0.2', body: { siteKey: h.siteA.siteKey, token: null } })).text,
    ) as WidgetSessionResponse;
    const visitor = connect(base + VISITOR_NAMESPACE, {
      ca: nginx.ca,
      localAddress: '127.0.0.2',
      auth: { token: session.token },
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
    } as never);
    sockets.push(visitor);
    await connected(visitor);

    const login = await call('POST', via('/api/auth/login'), { from: '127.0.0.3', body: { email: h.siteA.agentEmail, password: PASSWORD } });
    expect(login.status).toBe(200);
    const setCookie = String(login.headers['set-cookie']);
    expect(setCookie).toMatch(/;\s*Secure/i);
    const cookie = setCookie.split(';')[0]!;
    // The console's own origin (PUBLIC_URL) passes the agent socket's origin check behind the proxy.
    const agent = connect(base + AGENT_NAMESPACE, {
      ca: nginx.ca,
      localAddress: '127.0.0.3',
      extraHeaders: { cookie, origin: base },
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
    } as never);
    sockets.push(agent);
    await connected(agent);

    const toAgent = nextEvent<Message>(agent, 'message:created', (m) => m.body === 'Hello over TLS', 5000);
    const sent = await visitor.timeout(5000).emitWithAck('message:send', { clientId: randomUUID(), body: 'Hello over TLS' });
    expect(sent.ok).toBe(true);
    const received = await toAgent;
    const toVisitor = nextEvent<Message>(visitor, 'message:created', (m) => m.body === 'Hi, how can I help?', 5000);
    const reply = await agent
      .timeout(5000)
      .emitWithAck('message:send', { conversationId: received.conversationId, clientId: randomUUID(), body: 'Hi, how can I help?' });
    expect(reply.ok).toBe(true);
    expect((await toVisitor).authorType).toBe('agent');

    // Long-polling through nginx (proxy_buffering off): the widget's fallback when WebSockets are blocked.
    const polling = connect(base + VISITOR_NAMESPACE, {
      ca: nginx.ca,
      auth: { token: session.token },
      transports: ['polling'],
      forceNew: true,
      reconnection: false,
    } as never);
    sockets.push(polling);
    await connected(polling);
    expect(polling.io.engine.transport.name).toBe('polling');
    const polled = nextEvent<Message>(polling, 'message:created', (m) => m.body === 'Also on polling?', 5000);
    await agent.timeout(5000).emitWithAck('message:send', { conversationId: received.conversationId, clientId: randomUUID(), body: 'Also on polling?' });
    expect((await polled).conversationId).toBe(received.conversationId);

    // The socket handshakes were read with the trust rule: the client's address, not nginx's.
    const serverSide = [...h.app.visitorNsp.sockets.values()].find((s) => s.data.visitorId === session.visitorId && s.conn.transport.name === 'websocket')!;
    expect(serverSide.handshake.address).toMatch(/127\.0\.0\.1$/);
    expect(h.app.clientAddress(serverSide)).toBe('127.0.0.2');
    const connectedLines = logLines.map((l) => JSON.parse(l) as { msg: string; nsp?: string; ip?: string }).filter((l) => l.msg === 'socket connected');
    expect(connectedLines).toEqual(
      expect.arrayContaining([expect.objectContaining({ nsp: '/visitor', ip: '127.0.0.2' }), expect.objectContaining({ nsp: '/agent', ip: '127.0.0.3' })]),
    );
  });

  it('serves health, hides metrics, redirects http to https and takes uploads up to 25 MB', async () => {
    expect((await call('GET', via('/healthz'), { from: '127.0.0.2' })).status).toBe(200);
    expect((await call('GET', via('/readyz'), { from: '127.0.0.2' })).status).toBe(200);
    expect((await call('GET', via('/metrics'), { from: '127.0.0.2' })).status).toBe(404);
    const redirect = await call('GET', `http://127.0.0.1:${httpPort}/console/`, { from: '127.0.0.2' });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.location).toBe('https://127.0.0.1/console/');
    // 2 MB passes nginx and reaches Hearth, whose JSON routes take 64 KB: Hearth answers 413 and, as
    // Fastify does after a refused body, closes the connection, which nginx may report as 502 while it
    // is still sending. Either way the request got through: Hearth logged it.
    const twoMb = await call('POST', via('/api/auth/login'), { from: '127.0.0.5', body: 'x'.repeat(2 * 1024 * 1024) });
    expect([413, 502], nginx.log()).toContain(twoMb.status);
    expect(twoMb.text).not.toContain('413 Request Entity Too Large');
    const reached = logLines
      .map((l) => JSON.parse(l) as { msg: string; req?: { url: string; ip: string }; res?: { statusCode: number } })
      .filter((l) => l.msg === 'request' && l.req?.ip === '127.0.0.5');
    expect(reached.map((l) => l.res?.statusCode)).toEqual([413]);
    const tooBig = await call('POST', via('/api/auth/login'), { from: '127.0.0.5', headers: { 'content-length': String(26 * 1024 * 1024) }, body: '' });
    expect(tooBig.status).toBe(413);
    expect(tooBig.text).toContain('413 Request Entity Too Large');
  });

  it('keeps per-client login and widget-session limits apart through the hop, and ignores a spoofed X-Forwarded-For', async () => {
    const wrongLogin = (from: string, headers: Record<string, string> = {}, url = via('/api/auth/login')) =>
      call('POST', url, { from, headers, body: { email: h.siteA.ownerEmail, password: 'wrong-password' } }).then((a) => a.status);
    const session = (from: string, headers: Record<string, string> = {}, url = via('/api/widget/session')) =>
      call('POST', url, { from, headers, body: { siteKey: h.siteB.siteKey, token: null } }).then((a) => a.status);

    // Client A uses up its budget (3 per minute / per hour here) …
    expect([await wrongLogin('127.0.0.6'), await wrongLogin('127.0.0.6'), await wrongLogin('127.0.0.6')]).toEqual([401, 401, 401]);
    expect(await wrongLogin('127.0.0.6')).toBe(429);
    expect([await session('127.0.0.6'), await session('127.0.0.6'), await session('127.0.0.6'), await session('127.0.0.6')]).toEqual([200, 200, 200, 429]);
    // … client B, behind the same proxy, still has all of its own.
    expect(await wrongLogin('127.0.0.7')).toBe(401);
    expect(await session('127.0.0.7')).toBe(200);
    // A cannot escape by claiming other addresses: nginx appends the real one, which is what counts.
    expect(await wrongLogin('127.0.0.6', { 'x-forwarded-for': '198.51.100.200' })).toBe(429);
    expect(await session('127.0.0.6', { 'x-forwarded-for': '198.51.100.201, 198.51.100.202' })).toBe(429);
    // Straight to Hearth from an address that is no proxy: its X-Forwarded-For is ignored.
    const direct = h.url;
    expect(await wrongLogin('127.0.0.6', { 'x-forwarded-for': '198.51.100.203' }, `${direct}/api/auth/login`)).toBe(429);
    expect(await session('127.0.0.6', { 'x-forwarded-for': '198.51.100.204' }, `${direct}/api/widget/session`)).toBe(429);

    // Two clients behind a trusted CDN in front of nginx (127.0.0.4), told apart by the CDN's X-Forwarded-For.
    const viaCdn = (client: string) => ({ 'x-forwarded-for': client });
    for (let i = 0; i < 3; i++) expect(await wrongLogin('127.0.0.4', viaCdn('198.51.100.1'))).toBe(401);
    expect(await wrongLogin('127.0.0.4', viaCdn('198.51.100.1'))).toBe(429);
    expect(await wrongLogin('127.0.0.4', viaCdn('198.51.100.2'))).toBe(401);
    // … and the log lines name those clients.
    const ips = logLines
      .map((l) => JSON.parse(l) as { msg: string; req?: { url: string; ip: string } })
      .filter((l) => l.msg === 'request' && l.req?.url === '/api/auth/login');
    expect(ips.map((l) => l.req!.ip)).toEqual(expect.arrayContaining(['127.0.0.6', '127.0.0.7', '198.51.100.1', '198.51.100.2']));
    expect(ips.map((l) => l.req!.ip)).not.toContain('198.51.100.200');
  });
});
