import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConversationSummary, Message, SiteId } from '@hearth/protocol';
import { ask, nextEvent, record, sleep, startServer, type Harness } from './harness.ts';

let h: Harness;
beforeEach(async () => {
  h = await startServer();
});
afterEach(async () => {
  await h.close();
});

const send = (socket: Awaited<ReturnType<Harness['visitor']>>['socket'], body: string, clientId = crypto.randomUUID()) =>
  ask(socket, 'message:send', { clientId, body });

describe('the core loop', () => {
  it('a visitor message reaches every agent of the site live; the reply reaches the visitor live', async () => {
    const agent = await h.agent();
    const owner = await h.agent(h.siteA.ownerEmail);
    const otherSite = await h.agent(h.siteB.agentEmail);
    const leaked = record(otherSite.socket, 'message:created');
    const { socket: visitor } = await h.visitor();

    // Every agent of the site sees the new conversation, with its first message, in the inbox…
    const created = nextEvent<ConversationSummary>(agent.socket, 'conversation:created');
    const createdForOwner = nextEvent<ConversationSummary>(owner.socket, 'conversation:created');
    const atAgent = record<Message>(agent.socket, 'message:created');
    const atOwner = record<Message>(owner.socket, 'message:created');
    const ack = await send(visitor, 'Hello, is the cedar candle in stock?');
    expect(ack.ok).toBe(true);
    if (!ack.ok) return;
    expect(ack.data.message.seq).toBe(1);
    const summary = await created;
    expect(summary.id).toBe(ack.data.message.conversationId);
    expect((await createdForOwner).lastMessage?.body).toBe('Hello, is the cedar candle in stock?');
    // Routing assigned it at once to one of the two online agents of the site…
    expect([summary.assignedAgentName]).toEqual([expect.stringMatching(/^(Agent|Owner) A$/)]);
    // …and only the assignee receives the message itself (no fan-out to every agent).
    await sleep(100);
    const [assigneeHeard, otherHeard] = summary.assignedAgentName === 'Agent A' ? [atAgent, atOwner] : [atOwner, atAgent];
    expect(assigneeHeard.map((m) => m.id)).toEqual([ack.data.message.id]);
    expect(otherHeard).toEqual([]);

    const inbox = await ask(agent.socket, 'inbox:list', {});
    expect(inbox.ok && inbox.data.conversations.map((c) => c.id)).toEqual([summary.id]);

    const assignee = summary.assignedAgentName === 'Agent A' ? agent : owner;
    const opened = await ask(assignee.socket, 'conversation:open', { conversationId: summary.id });
    expect(opened.ok && opened.data.messages.map((m) => m.body)).toEqual(['Hello, is the cedar candle in stock?']);

    const atVisitor = nextEvent<Message>(visitor, 'message:created', (m) => m.authorType === 'agent');
    const other = assignee === agent ? owner : agent;
    const preview = nextEvent<Array<{ body: string; seq: number }>>(other.socket, 'inbox:activity', (items) => items.some((i) => i.body === 'Yes! We have 12 left.'));
    const reply = await ask(assignee.socket, 'message:send', {
      conversationId: summary.id,
      clientId: crypto.randomUUID(),
      body: 'Yes! We have 12 left.',
    });
    expect(reply.ok && reply.data.message.seq).toBe(2);
    const received = await atVisitor;
    expect(received).toMatchObject({ body: 'Yes! We have 12 left.', authorName: summary.assignedAgentName, seq: 2 });
    // The colleague's inbox preview follows, batched per site once a second.
    expect((await preview).find((i) => i.body === 'Yes! We have 12 left.')?.seq).toBe(2);

    // Answering accepted (or claimed) it.
    const after = await ask(agent.socket, 'inbox:list', {});
    expect(after.ok && after.data.conversations[0]?.acceptedAt).toEqual(expect.any(Number));
    await sleep(100);
    expect(leaked).toEqual([]);
  });

  it('every tab of the same visitor sees the conversation, and a new tab resyncs the whole history', async () => {
    const first = await h.visitor();
    const second = await h.visitor(h.siteA.siteKey, first.session.token);
    expect(second.session.visitorId).toBe(first.session.visitorId);
    const inSecond = nextEvent<Message>(second.socket, 'message:created');
    const ack = await send(first.socket, 'from tab one');
    expect((await inSecond).body).toBe('from tab one');

    const third = await h.visitor(h.siteA.siteKey, first.session.token);
    const sync = await ask(third.socket, 'conversation:sync', { conversationId: null, afterSeq: 0 });
    expect(sync.ok && sync.data.conversation?.id).toBe(ack.ok && ack.data.conversation.id);
    expect(sync.ok && sync.data.messages.map((m) => m.body)).toEqual(['from tab one']);
  });

  it('a resend with the same clientId returns the original ack and stores nothing new', async () => {
    const agent = await h.agent();
    const seen = record<Message>(agent.socket, 'message:created');
    const { socket } = await h.visitor();
    const clientId = crypto.randomUUID();
    const first = await send(socket, 'only once', clientId);
    const again = await send(socket, 'only once', clientId);
    expect(first).toEqual(again);
    expect(await h.count('messages')).toBe(1);
    await sleep(100);
    expect(seen).toHaveLength(1);
  });

  it('after a disconnect the visitor asks for everything after its last seq and gets exactly that', async () => {
    const agent = await h.agent();
    const v = await h.visitor();
    const ack = await send(v.socket, 'first');
    if (!ack.ok) throw new Error('send failed');
    const conversationId = ack.data.conversation.id;
    v.socket.disconnect();
    for (const body of ['a', 'b', 'c']) {
      await ask(agent.socket, 'message:send', { conversationId, clientId: crypto.randomUUID(), body });
    }
    const back = await h.visitor(h.siteA.siteKey, v.session.token);
    const sync = await ask(back.socket, 'conversation:sync', { conversationId, afterSeq: 1 });
    expect(sync.ok && sync.data.messages.map((m) => [m.seq, m.body])).toEqual([
      [2, 'a'],
      [3, 'b'],
      [4, 'c'],
    ]);
  });

  it('concurrent sends from both sides get gapless, unique sequence numbers', async () => {
    const agent = await h.agent();
    const v = await h.visitor();
    const firstAck = await send(v.socket, 'start');
    if (!firstAck.ok) throw new Error('send failed');
    const conversationId = firstAck.data.conversation.id;
    const acks = await Promise.all([
      ...Array.from({ length: 60 }, (_, i) => send(v.socket, `v${i}`)),
      ...Array.from({ length: 60 }, (_, i) =>
        ask(agent.socket, 'message:send', { conversationId, clientId: crypto.randomUUID(), body: `a${i}` }),
      ),
    ]);
    const seqs = acks.map((a) => (a.ok ? a.data.message.seq : -1)).sort((x, y) => x - y);
    expect(seqs).toEqual(Array.from({ length: 120 }, (_, i) => i + 2));
    expect(await h.count('messages')).toBe(121);
  });

  it('typing indicators and read receipts travel both ways', async () => {
    const agent = await h.agent();
    const v = await h.visitor();
    const ack = await send(v.socket, 'hi');
    if (!ack.ok) throw new Error('send failed');
    const conversationId = ack.data.conversation.id;
    await ask(agent.socket, 'conversation:open', { conversationId });

    const agentSeesTyping = nextEvent(agent.socket, 'typing:changed');
    await ask(v.socket, 'typing:set', { isTyping: true });
    expect(await agentSeesTyping).toEqual({ conversationId, isTyping: true, name: null });

    const visitorSeesTyping = nextEvent(v.socket, 'typing:changed');
    await ask(agent.socket, 'typing:set', { conversationId, isTyping: true });
    expect(await visitorSeesTyping).toEqual({ conversationId, isTyping: true, name: 'Agent A' });

    const visitorSeesRead = nextEvent(v.socket, 'read:updated');
    await ask(agent.socket, 'messages:read', { conversationId, upToSeq: 1 });
    expect(await visitorSeesRead).toEqual({ conversationId, upToSeq: 1 });

    const reply = await ask(agent.socket, 'message:send', { conversationId, clientId: crypto.randomUUID(), body: 'hello' });
    expect(reply.ok).toBe(true);
    const agentSeesRead = nextEvent(agent.socket, 'read:updated');
    // Asking past the last message only marks what exists.
    await ask(v.socket, 'messages:read', { conversationId, upToSeq: 99 });
    expect(await agentSeesRead).toEqual({ conversationId, upToSeq: 2 });
  });

  it('the widget learns live whether any agent is online', async () => {
    const siteA = h.siteA.siteId as SiteId;
    await h.app.store.unit(async (tx) => tx.sites.updateSettings(siteA, { routing: { ...(await tx.sites.settings(siteA)).routing, reconnectGraceSeconds: 0 } }));
    const v = await h.visitor();
    expect(v.session.agentsOnline).toBe(false);
    const online = nextEvent(v.socket, 'availability:changed', (e: { agentsOnline: boolean }) => e.agentsOnline);
    const agent = await h.agent();
    await online;
    const offline = nextEvent(v.socket, 'availability:changed', (e: { agentsOnline: boolean }) => !e.agentsOnline);
    agent.socket.disconnect();
    await offline;
  });

  it('the agent sees where the visitor is browsing', async () => {
    const agent = await h.agent();
    const v = await h.visitor();
    const ack = await send(v.socket, 'help');
    if (!ack.ok) throw new Error('send failed');
    const viewed = nextEvent<{ page: { url: string } }>(agent.socket, 'visitor:page-viewed');
    await ask(v.socket, 'page:view', { url: 'https://shop.test/checkout', title: 'Checkout', referrer: null });
    expect((await viewed).page.url).toBe('https://shop.test/checkout');
    const opened = await ask(agent.socket, 'conversation:open', { conversationId: ack.data.conversation.id });
    expect(opened.ok && opened.data.conversation.currentPage).toEqual({ url: 'https://shop.test/checkout', title: 'Checkout' });
    expect(opened.ok && opened.data.pages.map((p) => p.title)).toEqual(['Checkout']);
  });

  it('closing ends the conversation; the visitor writing again (after the reopen window) starts a new one', async () => {
    // Within the window the conversation reopens instead: test/closing.test.ts.
    await h.app.store.unit((tx) => tx.sites.updateSettings(h.siteA.siteId as SiteId, { reopenWindowMinutes: 0 }));
    const agent = await h.agent();
    const v = await h.visitor();
    const ack = await send(v.socket, 'thanks, bye');
    if (!ack.ok) throw new Error('send failed');
    const conversationId = ack.data.conversation.id;
    const visitorSeesClose = nextEvent<{ status: string }>(v.socket, 'conversation:updated', (c) => c.status === 'closed');
    const closed = await ask(agent.socket, 'conversation:close', { conversationId });
    expect(closed.ok && closed.data.conversation.status).toBe('closed');
    await visitorSeesClose;
    const late = await ask(agent.socket, 'message:send', { conversationId, clientId: crypto.randomUUID(), body: 'late' });
    expect(late).toMatchObject({ ok: false, error: { code: 'conversation_closed' } });
    const next = await send(v.socket, 'one more question');
    expect(next.ok && next.data.conversation.id).not.toBe(conversationId);
    expect(next.ok && next.data.message.seq).toBe(1);
    const events = await h.sql('select type, actor_type from conversation_events where conversation_id = ? order by id', [conversationId]);
    expect(events).toEqual([
      { type: 'conversation.started', actor_type: 'visitor' },
      { type: 'conversation.assigned', actor_type: 'system' },
      { type: 'conversation.closed', actor_type: 'agent' },
    ]);
  });

  it('claims are exclusive', async () => {
    const a = await h.agent();
    const owner = await h.agent(h.siteA.ownerEmail);
    const v = await h.visitor();
    const ack = await send(v.socket, 'anyone?');
    if (!ack.ok) throw new Error('send failed');
    const conversationId = ack.data.conversation.id;
    const [x, y] = await Promise.all([
      ask(a.socket, 'conversation:claim', { conversationId }),
      ask(owner.socket, 'conversation:claim', { conversationId }),
    ]);
    expect([x.ok, y.ok].sort()).toEqual([false, true]);
    expect([x, y].find((r) => !r.ok)).toMatchObject({ error: { code: 'conflict' } });
  });
});
