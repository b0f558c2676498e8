import { afterEach, describe, expect, it } from 'vitest';
import { MESSAGE_PAGE_BYTES, TOO_MANY_CONNECTIONS, type Ack, type Message, type TranscriptEntry } from '@hearth/protocol';
import { ask, connected, startServer, type Harness, type VisitorClient } from './harness.ts';
import { fillConversation, rawVisitorSocket, visitorFrom } from './abuse-support.ts';

/**
 * Issue 12, High: one anonymous visitor must not be able to take the server down. The audit's
 * attack (a conversation of long messages, many sockets of one token that stop reading, each asking
 * for a burst of syncs) scaled to CI, and each limit that defeats it on its own.
 */
let h: Harness | undefined;
const open: VisitorClient[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) s.disconnect();
  await h?.close();
  h = undefined;
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Connects, or resolves the refusal's message. */
function outcome(socket: VisitorClient): Promise<string> {
  open.push(socket);
  return new Promise((resolve) => {
    socket.once('connect', () => resolve('connected'));
    socket.once('connect_error', (err) => resolve(err.message));
  });
}

/** A visitor of site A with a conversation of `count` more messages of `size` characters. */
async function visitorWithHistory(harness: Harness, count: number, size: number) {
  const session = await harness.visitorSession(harness.siteA.siteKey);
  const first = visitorFrom(harness, session.token, '127.0.0.9');
  open.push(first);
  await connected(first);
  const sent = await ask(first, 'message:send', { clientId: crypto.randomUUID(), body: 'hello' });
  if (!sent.ok) throw new Error(sent.error.message);
  const conversationId = sent.data.conversation.id;
  await fillConversation(harness, conversationId, harness.siteA.siteId, count, size);
  first.disconnect();
  return { token: session.token, conversationId };
}

describe('sockets per visitor and per client address', () => {
  it('refuses a visitor token’s sockets past SOCKETS_PER_VISITOR with too_many_connections, and takes one again after a disconnect', async () => {
    h = await startServer({ env: { SOCKETS_PER_VISITOR: '3' } });
    const { token } = await h.visitorSession(h.siteA.siteKey);
    const sockets = Array.from({ length: 5 }, (_, i) => visitorFrom(h!, token, `127.0.0.${10 + i}`));
    const results = await Promise.all(sockets.map(outcome));
    expect(results.filter((r) => r === 'connected')).toHaveLength(3);
    expect(results.filter((r) => r === TOO_MANY_CONNECTIONS)).toHaveLength(2);
    // Another visitor is not affected, and a freed place can be taken again.
    expect(await outcome(visitorFrom(h, (await h.visitorSession(h.siteA.siteKey)).token, '127.0.0.20'))).toBe('connected');
    sockets[results.indexOf('connected')]!.disconnect();
    await sleep(50);
    expect(await outcome(visitorFrom(h, token, '127.0.0.21'))).toBe('connected');
  });

  it('refuses one client address’s sockets past SOCKETS_PER_IP, whatever tokens they carry', async () => {
    h = await startServer({ env: { SOCKETS_PER_IP: '4' } });
    const tokens = await Promise.all(Array.from({ length: 6 }, () => h!.visitorSession(h!.siteA.siteKey).then((s) => s.token)));
    const results = await Promise.all(tokens.map((t) => outcome(visitorFrom(h!, t, '127.0.0.30'))));
    expect(results.filter((r) => r === 'connected')).toHaveLength(4);
    expect(results.filter((r) => r === TOO_MANY_CONNECTIONS)).toHaveLength(2);
    expect(await outcome(visitorFrom(h, tokens[5]!, '127.0.0.31'))).toBe('connected');
  });
});

describe('event budgets per visitor and per address', () => {
  it('a visitor’s sockets share one budget: more sockets do not buy more commands', async () => {
    h = await startServer({ env: { CLIENT_EVENTS_BURST: '12', CLIENT_EVENTS_PER_MIN: '60', SOCKET_EVENTS_BURST: '100' } });
    const { token } = await h.visitorSession(h.siteA.siteKey);
    const sockets = Array.from({ length: 4 }, (_, i) => visitorFrom(h!, token, `127.0.0.${40 + i}`));
    open.push(...sockets);
    await Promise.all(sockets.map(connected));
    const answers = await Promise.all(sockets.flatMap((s) => Array.from({ length: 10 }, () => ask(s, 'typing:set', { isTyping: true }))));
    const accepted = answers.filter((a) => a.ok).length;
    expect(accepted).toBeGreaterThanOrEqual(12);
    expect(accepted).toBeLessThan(16); // the burst, plus what refilled meanwhile; not 4 × 10
    expect(answers.filter((a) => !a.ok && a.error.code === 'rate_limited')).toHaveLength(40 - accepted);
    // Another visitor from another address has their own budget.
    const other = visitorFrom(h, (await h.visitorSession(h.siteA.siteKey)).token, '127.0.0.49');
    open.push(other);
    await connected(other);
    expect((await ask(other, 'typing:set', { isTyping: true })).ok).toBe(true);
  });

  it('one address’s visitors share the address’s budget', async () => {
    h = await startServer({ env: { IP_EVENTS_BURST: '10', IP_EVENTS_PER_MIN: '60' } });
    const sockets = await Promise.all(
      Array.from({ length: 4 }, async () => {
        const s = visitorFrom(h!, (await h!.visitorSession(h!.siteA.siteKey)).token, '127.0.0.50');
        open.push(s);
        await connected(s);
        return s;
      }),
    );
    const answers = await Promise.all(sockets.flatMap((s) => Array.from({ length: 5 }, () => ask(s, 'typing:set', { isTyping: false }))));
    expect(answers.filter((a) => a.ok).length).toBeLessThan(14);
  });
});

describe('answers that grow with history are paged by count and bytes', () => {
  it('conversation:sync (visitor and agent) and conversation:open: pages of at most MESSAGE_PAGE_BYTES, and paging through yields every message once', async () => {
    h = await startServer();
    const { token, conversationId } = await visitorWithHistory(h, 300, 5000);
    const visitor = visitorFrom(h, token, '127.0.0.60');
    open.push(visitor);
    await connected(visitor);
    const seen: Message[] = [];
    let afterSeq = 0;
    for (let pages = 0; ; pages++) {
      expect(pages).toBeLessThan(20);
      const page = await ask(visitor, 'conversation:sync', { conversationId, afterSeq });
      if (!page.ok) throw new Error(page.error.message);
      expect(Buffer.byteLength(JSON.stringify(page.data))).toBeLessThan(MESSAGE_PAGE_BYTES + 8 * 1024);
      seen.push(...page.data.messages);
      if (!page.data.hasMore) break;
      afterSeq = page.data.messages.at(-1)!.seq;
    }
    expect(seen.map((m) => m.seq)).toEqual(Array.from({ length: 301 }, (_, i) => i + 1));

    const agent = await h.agent(h.siteA.ownerEmail);
    const opened = await ask(agent.socket, 'conversation:open', { conversationId });
    if (!opened.ok) throw new Error(opened.error.message);
    expect(opened.data.hasMoreMessages).toBe(true);
    expect(Buffer.byteLength(JSON.stringify(opened.data.messages))).toBeLessThan(MESSAGE_PAGE_BYTES + 8 * 1024);
    const synced = await ask(agent.socket, 'conversation:sync', { conversationId, afterSeq: opened.data.messages.at(-1)!.seq });
    expect(synced.ok && synced.data.hasMore).toBe(true);
  });

  it('transcript:get: pages with a cursor, together the whole transcript', async () => {
    h = await startServer();
    const { token, conversationId } = await visitorWithHistory(h, 120, 5000);
    const visitor = visitorFrom(h, token, '127.0.0.61');
    open.push(visitor);
    await connected(visitor);
    const lines: string[] = [];
    let after: number | null = 0;
    let pages = 0;
    while (after !== null) {
      const page: Ack<{ entries: TranscriptEntry[]; next: number | null }> = await ask(visitor, 'transcript:get', { conversationId, after });
      if (!page.ok) throw new Error(page.error.message);
      expect(Buffer.byteLength(JSON.stringify(page.data))).toBeLessThan(MESSAGE_PAGE_BYTES + 8 * 1024);
      lines.push(...page.data.entries.filter((e) => e.kind === 'message').map((e) => e.text));
      after = page.data.next;
      pages++;
    }
    expect(pages).toBeGreaterThan(1);
    expect(lines).toHaveLength(121);
  });
});

describe('the attack, scaled to CI', () => {
  it('stalled sockets asking for bursts of syncs are cut; the heap stays bounded and another site still answers', async () => {
    h = await startServer({
      env: {
        SOCKETS_PER_VISITOR: '3',
        SOCKET_SEND_BUFFER_BYTES: String(1024 * 1024),
        SOCKET_EVENTS_BURST: '30',
        CLIENT_EVENTS_BURST: '60',
      },
    });
    const { token } = await visitorWithHistory(h, 600, 5000);
    const before = process.memoryUsage();
    let peak = 0;
    const sampler = setInterval(() => {
      const now = process.memoryUsage();
      peak = Math.max(peak, now.heapUsed + now.external - before.heapUsed - before.external);
    }, 10);

    // Five sockets of one token (three are let in), each asking for 30 full histories, never reading.
    const attackers = await Promise.all(Array.from({ length: 5 }, (_, i) => rawVisitorSocket(h!.url, token, `127.0.0.${70 + i}`)));
    for (const a of attackers.filter((x) => x.connected)) {
      a.stall();
      for (let i = 0; i < 30; i++) a.emit('conversation:sync', { conversationId: null, afterSeq: 0 });
    }
    await sleep(1500);

    // Another site's visitor and agent: a full round trip still answers promptly.
    const agentB = await h.agent(h.siteB.agentEmail);
    const visitorB = visitorFrom(h, (await h.visitorSession(h.siteB.siteKey)).token, '127.0.0.80');
    open.push(visitorB);
    await connected(visitorB);
    const started = Date.now();
    const received = new Promise((resolve) => agentB.socket.once('conversation:created', resolve));
    const sent = await ask(visitorB, 'message:send', { clientId: crypto.randomUUID(), body: 'still there?' });
    expect(sent.ok).toBe(true);
    await received;
    clearInterval(sampler);
    expect(Date.now() - started).toBeLessThan(2000);

    // The attacker's sockets were cut for not reading, and the server holds nothing for them.
    const attackerSockets = [...h.app.visitorNsp.sockets.values()].filter((s) => s.data.visitorId !== undefined && s.handshake.auth.token === token);
    expect(attackerSockets).toHaveLength(0);
    // Measured: ~16 MB here; ~630 MB on the code before these limits (and growing with every sync asked).
    expect(peak).toBeLessThan(64 * 1024 * 1024);
    expect(attackers.filter((a) => a.refusal === TOO_MANY_CONNECTIONS)).toHaveLength(2);
    for (const a of attackers) a.close();
  });
});
