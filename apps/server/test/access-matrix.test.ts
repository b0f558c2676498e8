import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import { AGENT_NAMESPACE, VISITOR_NAMESPACE, agentCommandSchemas, visitorCommandSchemas, type ConversationId } from '@hearth/protocol';
import { ask, startServer, type Harness } from './harness.ts';
import { ownSecretsOf, payloadAimedAt, secretsOf, victimFingerprint, type Victim } from './access-matrix-support.ts';

/**
 * Every socket command and HTTP route × {anonymous, visitor, another visitor, agent, agent of
 * another site, owner}. Commands come from the protocol's schema maps and routes from buildApp's
 * onRoute hook, so whatever other features add is in the matrix. Each cell aims at one victim
 * (a site-A visitor's conversation): unauthorized callers must not change or read it, and no
 * response or broadcast to anyone carries a secret.
 */
let h: Harness;
let victim: Victim;
const tally = { cells: 0, leaks: 0 };
/** Every payload any principal received: scanned for secrets at the end. */
const received: Array<{ who: string; data: string }> = [];

beforeAll(async () => {
  h = await startServer();
  const v = await h.visitor(h.siteA.siteKey);
  const sent = await ask(v.socket, 'message:send', { clientId: crypto.randomUUID(), body: 'VICTIM-MARKER-7f3a private words' });
  if (!sent.ok) throw new Error('send failed');
  v.socket.disconnect();
  tokens = {
    read: await apiToken(h.siteA.siteId, h.siteA.ownerEmail, ['read']),
    write: await apiToken(h.siteA.siteId, h.siteA.ownerEmail, ['read', 'write']),
    otherSite: await apiToken(h.siteB.siteId, h.siteB.ownerEmail, ['read', 'write']),
    revoked: await apiToken(h.siteA.siteId, h.siteA.ownerEmail, ['read', 'write'], true),
  };
  victim = {
    siteId: h.siteA.siteId,
    visitorId: v.session.visitorId,
    token: v.session.token,
    conversationId: sent.data.conversation.id,
    marker: 'VICTIM-MARKER-7f3a',
  };
});
afterAll(async () => {
  await h.close();
});

type Principal =
  | 'anonymous'
  | 'visitor'
  | 'another visitor'
  | 'agent'
  | 'agent of another site'
  | 'owner'
  | 'API token (read)'
  | 'API token (read, write)'
  | 'API token of another site'
  | 'revoked API token';
const principals: Principal[] = [
  'anonymous',
  'another visitor',
  'agent of another site',
  'API token of another site',
  'revoked API token',
  'visitor',
  'agent',
  'API token (read)',
  'API token (read, write)',
  'owner',
];
/** Who may see and change the victim's conversation (a site's API tokens act for the site). */
const authorized = new Set<Principal>(['visitor', 'agent', 'owner', 'API token (read)', 'API token (read, write)']);

/** The site API tokens the token principals send as `Authorization: Bearer`. */
let tokens: { read: string; write: string; otherSite: string; revoked: string };
async function apiToken(siteId: string, ownerEmail: string, scopes: string[], revoke = false): Promise<string> {
  const owner = await h.login(ownerEmail);
  const created = (await h.request('POST', `/api/sites/${siteId}/api-tokens`, owner, { name: `matrix ${scopes.join(' ')}`, scopes })).body as { id: string; token: string };
  if (revoke) await h.request('DELETE', `/api/sites/${siteId}/api-tokens/${created.id}`, owner);
  return created.token;
}

async function credentials(p: Principal): Promise<{ token?: string; cookie?: string }> {
  switch (p) {
    case 'anonymous':
      return {};
    case 'visitor':
      return { token: (await h.visitorSession(h.siteA.siteKey, victim.token)).token };
    case 'another visitor':
      return { token: (await h.visitorSession(h.siteA.siteKey)).token };
    case 'agent':
      return { cookie: await h.login(h.siteA.agentEmail) };
    case 'agent of another site':
      return { cookie: await h.login(h.siteB.agentEmail) };
    case 'owner':
      return { cookie: await h.login(h.siteA.ownerEmail) };
    case 'API token (read)':
      return { token: tokens.read };
    case 'API token (read, write)':
      return { token: tokens.write };
    case 'API token of another site':
      return { token: tokens.otherSite };
    case 'revoked API token':
      return { token: tokens.revoked };
  }
}

function open(namespace: string, creds: { token?: string; cookie?: string }): Promise<Socket | null> {
  const socket = connect(h.url + namespace, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    auth: creds.token ? { token: creds.token } : {},
    extraHeaders: creds.cookie ? { cookie: creds.cookie } : {},
  });
  return new Promise((resolve) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', () => {
      socket.disconnect();
      resolve(null);
    });
  });
}

async function expectNoLeak(who: Principal, where: string, data: string, own: { token?: string; cookie?: string }) {
  const entitled = await ownSecretsOf(h, who);
  for (const secret of await secretsOf(h, victim)) {
    if (secret === own.token || (own.cookie && own.cookie.endsWith(secret)) || entitled.includes(secret)) continue;
    if (data.includes(secret)) {
      tally.leaks++;
      throw new Error(`${who} got a secret in ${where}`);
    }
  }
  if (!authorized.has(who) && (data.includes(victim.marker) || data.includes(victim.visitorId))) {
    tally.leaks++;
    throw new Error(`${who} read the victim's conversation through ${where}: ${data.slice(0, 300)}`);
  }
}

describe('access matrix', () => {
  for (const [namespace, schemas] of [
    [VISITOR_NAMESPACE, visitorCommandSchemas],
    [AGENT_NAMESPACE, agentCommandSchemas],
  ] as const) {
    it(`every ${namespace} command × every principal`, async () => {
      for (const who of principals) {
        const creds = await credentials(who);
        const socket = await open(namespace, creds);
        const belongs = namespace === VISITOR_NAMESPACE ? ['visitor', 'another visitor'] : ['agent', 'agent of another site', 'owner'];
        expect(socket !== null, `${who} on ${namespace}`).toBe(belongs.includes(who));
        if (socket) socket.onAny((event: string, payload: unknown) => received.push({ who, data: `${event} ${JSON.stringify(payload)}` }));
        for (const [event, schema] of Object.entries(schemas)) {
          tally.cells++;
          if (!socket) continue; // refused at the handshake: nothing to send on
          const before = await victimFingerprint(h, victim);
          const payload = payloadAimedAt(event, schema, victim);
          const ack = (await socket.timeout(5000).emitWithAck(event, payload)) as { ok: boolean };
          await expectNoLeak(who, `${namespace} ${event}`, JSON.stringify(ack), creds);
          if (!authorized.has(who)) expect(await victimFingerprint(h, victim), `${who} changed the victim via ${event}`).toBe(before);
        }
        socket?.disconnect();
      }
    });
  }

  it('broadcasts: after the victim and their agent talk, nobody else received anything of theirs', async () => {
    const watchers = [];
    for (const who of ['another visitor', 'agent of another site'] as const) {
      const creds = await credentials(who);
      const socket = await open(who === 'another visitor' ? VISITOR_NAMESPACE : AGENT_NAMESPACE, creds);
      socket!.onAny((event: string, payload: unknown) => received.push({ who, data: `${event} ${JSON.stringify(payload)}` }));
      watchers.push(socket!);
    }
    const v = await h.visitor(h.siteA.siteKey, victim.token);
    const a = await h.agent(h.siteA.agentEmail);
    await ask(v.socket, 'message:send', { clientId: crypto.randomUUID(), body: `${victim.marker} again` });
    await ask(v.socket, 'typing:set', { isTyping: true });
    const convo = await ask(v.socket, 'conversation:sync', { conversationId: null, afterSeq: 0 });
    const id = (convo.ok && convo.data.conversation ? convo.data.conversation.id : victim.conversationId) as ConversationId;
    await ask(a.socket, 'message:send', { conversationId: id, clientId: crypto.randomUUID(), body: 'reply to the victim' });
    await ask(v.socket, 'page:view', { url: 'https://a.test/secret-page', title: victim.marker, referrer: null });
    // A round trip on each watcher: anything broadcast before it has arrived.
    for (const w of watchers) await w.timeout(5000).emitWithAck('typing:set', { isTyping: false, conversationId: id }).catch(() => null);
    for (const r of received) {
      tally.cells++;
      await expectNoLeak(r.who as Principal, 'a broadcast', r.data, {});
    }
    for (const w of watchers) w.disconnect();
    expect(tally.leaks).toBe(0);
  });

  it('every HTTP route × every principal', async () => {
    // Destructive routes last: an authorized owner's DELETE may (rightly) erase the victim.
    const routes = [...new Map(h.routes.filter((r) => r.method !== 'HEAD').map((r) => [`${r.method} ${r.url}`, r])).values()].sort(
      (x, y) => Number(x.method === 'DELETE') - Number(y.method === 'DELETE'),
    );
    for (const route of routes) {
      for (const who of principals) {
        // A bearer API token means something to /api/v1 only; elsewhere its holder is anonymous (a row above).
        if (who.includes('API token') && !route.url.startsWith('/api/v1/')) continue;
        tally.cells++;
        // Fresh credentials per cell: a logout in one cell must not blind the next.
        const creds = await credentials(who);
        const before = await victimFingerprint(h, victim);
        const path = route.url.replace(/:(\w+)|\*/g, (_m, name: string | undefined) => payloadAimedAt('path', null, victim, name) as string);
        const res = await fetch(h.url + path, {
          method: route.method,
          headers: {
            'content-type': 'application/json',
            ...(creds.cookie ? { cookie: creds.cookie } : {}),
            ...(creds.token ? { authorization: `Bearer ${creds.token}` } : {}),
          },
          body: route.method === 'GET' ? undefined : JSON.stringify(payloadAimedAt('body', null, victim)),
          redirect: 'manual',
        });
        const text = await res.text();
        const headers = JSON.stringify([...res.headers.entries()].filter(([k]) => k !== 'set-cookie'));
        await expectNoLeak(who, `${route.method} ${route.url}`, text + headers, creds);
        if (!authorized.has(who)) expect(await victimFingerprint(h, victim), `${who} changed the victim via ${route.method} ${route.url}`).toBe(before);
      }
    }
    console.info(`[access-matrix] ${JSON.stringify(tally)}`);
    expect(tally.leaks).toBe(0);
    // Every cell signs in afresh (scrypt): with ~80 routes × 6 principals (and the API-token rows on
    // /api/v1) that is well past the
    // default 20 s on a shared 2-core machine.
  }, 300_000);
});
