import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect } from 'socket.io-client';
import { agentCommandSchemas, visitorCommandSchemas, AGENT_NAMESPACE, VISITOR_NAMESPACE } from '@hearth/protocol';
import { ask, sleep, startServer, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startServer();
});
afterAll(async () => {
  await h.close();
});

/** Payloads that are wrong in type, shape or size for every command. */
const hostile: unknown[] = [
  undefined,
  null,
  42,
  'a string',
  [],
  [1, 2],
  {},
  { clientId: { $regex: '.*' }, body: 'x' },
  { conversationId: { $ne: null }, afterSeq: 0 },
  { clientId: 'abcdefgh-1', body: 'x'.repeat(5001) },
  { clientId: 'abcdefgh-2', body: '   ' },
  { clientId: 'short', body: 'hi' },
  { clientId: '../../etc/passwd', body: 'hi' },
  { conversationId: 'x', afterSeq: -1 },
  { conversationId: 'x', afterSeq: 1.5 },
  { conversationId: 'x', upToSeq: 'NaN' },
  { isTyping: 'yes' },
  { url: 'javascript:alert(1)', title: 't', referrer: null },
  { clientId: 'abcdefgh-3', body: 'hi', extra: 'field' },
  { __proto__: { polluted: true }, clientId: 'abcdefgh-4' },
];

type AnySocket = { timeout(ms: number): { emitWithAck(event: string, ...args: unknown[]): Promise<unknown> } };

async function expectAllRejected(socket: AnySocket, events: string[]) {
  const before = { m: await h.count('messages'), c: await h.count('conversations'), p: await h.count('page_views') };
  let tried = 0;
  for (const event of events) {
    for (const payload of hostile) {
      // Some hostile payloads happen to be valid for a different command (e.g. {} for inbox:list).
      const schema = (visitorCommandSchemas as Record<string, { safeParse(v: unknown): { success: boolean } }>)[event] ??
        (agentCommandSchemas as Record<string, { safeParse(v: unknown): { success: boolean } }>)[event]!;
      if (schema.safeParse(payload).success) continue;
      const ack = await socket.timeout(3000).emitWithAck(event, payload);
      expect(ack, `${event} ${JSON.stringify(payload)}`).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
      tried++;
    }
    // Two payloads where one is expected.
    const ack = await socket.timeout(3000).emitWithAck(event, {}, {});
    expect(ack).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
  }
  expect(tried).toBeGreaterThan(events.length * 10);
  expect({ m: await h.count('messages'), c: await h.count('conversations'), p: await h.count('page_views') }).toEqual(before);
}

describe('malformed socket payloads', () => {
  it('every visitor command answers invalid_payload and writes nothing', async () => {
    const { socket } = await h.visitor();
    await expectAllRejected(socket as unknown as AnySocket, Object.keys(visitorCommandSchemas));
    // The socket is still usable afterwards.
    const ok = await ask(socket, 'message:send', { clientId: crypto.randomUUID(), body: 'still here' });
    expect(ok.ok).toBe(true);
  });

  it('every agent command answers invalid_payload and writes nothing', async () => {
    const { socket } = await h.agent();
    await expectAllRejected(socket as unknown as AnySocket, Object.keys(agentCommandSchemas));
  });

  it('unknown events, events without ack and reserved-looking names are dropped without harm', async () => {
    const { socket } = await h.visitor();
    const raw = socket as unknown as { emit(event: string, ...args: unknown[]): void };
    raw.emit('no:such:event', { a: 1 });
    raw.emit('message:send', { clientId: crypto.randomUUID(), body: 'no ack wanted' });
    raw.emit('message:send', 'garbage-without-ack');
    raw.emit('constructor', {});
    raw.emit('__proto__', {});
    raw.emit('hasOwnProperty', {});
    await sleep(200);
    expect(socket.connected).toBe(true);
    const sync = await ask(socket, 'conversation:sync', { conversationId: null, afterSeq: 0 });
    expect(sync.ok && sync.data.messages.map((m) => m.body)).toEqual(['no ack wanted']);
  });

  it('a packet over the size limit closes that socket only; the server stays up', async () => {
    const { socket } = await h.visitor();
    const other = await h.visitor();
    const closed = new Promise((resolve) => socket.on('disconnect', resolve));
    (socket as unknown as { emit(e: string, p: unknown): void }).emit('message:send', { clientId: 'abcdefgh', body: 'x'.repeat(200_000) });
    await closed;
    const ok = await ask(other.socket, 'message:send', { clientId: crypto.randomUUID(), body: 'fine' });
    expect(ok.ok).toBe(true);
  });
});

describe('handshakes without valid credentials are refused', () => {
  const refused = (namespace: string, options: Record<string, unknown>) =>
    new Promise<string>((resolve, reject) => {
      const socket = connect(h.url + namespace, { transports: ['websocket'], forceNew: true, reconnection: false, ...options });
      socket.on('connect', () => {
        socket.disconnect();
        reject(new Error('connected'));
      });
      socket.on('connect_error', (err) => {
        socket.disconnect();
        resolve(err.message);
      });
    });

  it('visitor namespace: no token, forged token, junk token', async () => {
    const { session } = await h.visitor();
    const forged = session.token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    for (const auth of [{}, { token: forged }, { token: { $regex: '.*' } }, { token: 'v1.a.b.c' }]) {
      expect(await refused(VISITOR_NAMESPACE, { auth })).toBe('unauthorized');
    }
  });

  it('agent namespace: no cookie, a made-up cookie, a visitor token', async () => {
    const { session } = await h.visitor();
    for (const cookie of [undefined, 'hearth_session=made-up', `hearth_session=${session.token}`]) {
      expect(await refused(AGENT_NAMESPACE, cookie ? { extraHeaders: { cookie } } : {})).toBe('unauthorized');
    }
  });
});

describe('malformed HTTP bodies', () => {
  it('answer 400 with a readable message and create nothing', async () => {
    const visitors = await h.count('visitors');
    const sessions = await h.count('agent_sessions');
    const cases: Array<[string, unknown]> = [
      ['/api/widget/session', {}],
      ['/api/widget/session', { siteKey: 42 }],
      ['/api/widget/session', { siteKey: "'; drop table sites; --" }],
      ['/api/widget/session', { siteKey: 'demo', token: { $regex: '.*' } }],
      ['/api/auth/login', { email: 'not-an-email', password: 'x' }],
      ['/api/auth/login', { email: ['a@b.c'], password: 'x' }],
      ['/api/auth/login', '{"email": "a@b.c", '],
    ];
    for (const [path, body] of cases) {
      const res = await h.post(path, body);
      expect(res.status, `${path} ${JSON.stringify(body)}`).toBe(400);
      expect(res.body).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
    }
    const huge = await h.post('/api/auth/login', { email: 'a@b.c', password: 'x'.repeat(100_000) });
    expect(huge.status).toBe(413);
    expect(await h.count('visitors')).toBe(visitors);
    expect(await h.count('agent_sessions')).toBe(sessions);
  });

  it('an unknown site key is a 404, not a new visitor', async () => {
    const visitors = await h.count('visitors');
    const res = await h.post('/api/widget/session', { siteKey: 'nope' });
    expect(res).toMatchObject({ status: 404, body: { error: { code: 'unknown_site' } } });
    expect(await h.count('visitors')).toBe(visitors);
  });
});
