import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConversationId, SiteId, VisitorConversation } from '@hearth/protocol';
import { ask, nextEvent, startServer, type AgentClient, type Harness, type VisitorClient } from './harness.ts';

let h: Harness;
beforeEach(async () => {
  h = await startServer();
});
afterEach(async () => {
  await h.close();
});

const send = (socket: VisitorClient, body: string) => ask(socket, 'message:send', { clientId: crypto.randomUUID(), body });
const reply = (socket: AgentClient, conversationId: ConversationId, body: string) =>
  ask(socket, 'message:send', { conversationId, clientId: crypto.randomUUID(), body });

/** A visitor asks, the site-A agent answers and closes: the visitor sees the CSAT question live. */
async function answeredAndClosed() {
  const agent = await h.agent();
  const v = await h.visitor();
  const first = await send(v.socket, 'Do you ship to Norway?');
  if (!first.ok) throw new Error('send failed');
  const conversationId = first.data.conversation.id;
  expect(first.data.conversation.csat).toBeNull();
  await reply(agent.socket, conversationId, 'Yes, in 3 days.');
  const asked = nextEvent<VisitorConversation>(v.socket, 'conversation:updated', (c) => c.status === 'closed');
  await ask(agent.socket, 'conversation:close', { conversationId });
  return { agent, v, conversationId, live: await asked };
}

const ratingRows = () => h.sql('select score, ces, comment, agent_id from csat_ratings');

describe('CSAT', () => {
  it('close → question live → rating + comment → stored and credited to the agent at close → visible to agents', async () => {
    const { agent, v, conversationId, live } = await answeredAndClosed();
    expect(live.csat).toMatchObject({ question: 'How would you rate the support you received?', rating: null, cesQuestion: null });

    const agentsHear = nextEvent<{ conversationId: string; rating: { score: number } }>(agent.socket, 'conversation:rated');
    const rated = await ask(v.socket, 'csat:rate', { conversationId, score: 4, comment: '  Quick answer.  ' });
    expect(await agentsHear).toMatchObject({ conversationId, rating: { score: 4, comment: 'Quick answer.' } });
    expect(rated.ok && rated.data.conversation.csat?.rating).toMatchObject({ score: 4, ces: null, comment: 'Quick answer.' });
    const agentId = (await h.sqlValue<string>('select id from agents where email = ?', [h.siteA.agentEmail]))!;
    expect(await ratingRows()).toEqual([{ score: 4, ces: null, comment: 'Quick answer.', agent_id: agentId }]);

    const opened = await ask(agent.socket, 'conversation:open', { conversationId });
    expect(opened.ok && opened.data.rating).toMatchObject({ score: 4, comment: 'Quick answer.' });

    // Changed within the window: still one row, new score.
    const changed = await ask(v.socket, 'csat:rate', { conversationId, score: 5 });
    expect(changed.ok).toBe(true);
    expect(await ratingRows()).toEqual([{ score: 5, ces: null, comment: null, agent_id: agentId }]);

    const transcript = await ask(v.socket, 'transcript:get', { conversationId });
    expect(transcript.ok && transcript.data.entries.map((e) => e.text)).toEqual([
      'Conversation started',
      'Do you ship to Norway?',
      // Routing assigns the conversation the moment it starts, before the reply.
      'Assigned to Agent A',
      'Yes, in 3 days.',
      'Conversation closed by the agent',
      'Rated 4/5',
      'Rated 5/5',
    ]);
  });

  it('waits for the next visit: a new socket of the same visitor gets the question with conversation:sync', async () => {
    const { v } = await answeredAndClosed();
    v.socket.disconnect();
    const again = await h.visitor(h.siteA.siteKey, v.session.token);
    const sync = await ask(again.socket, 'conversation:sync', { conversationId: null, afterSeq: 0 });
    expect(sync.ok && sync.data.conversation?.csat?.question).toBe('How would you rate the support you received?');
  });

  it('stores CES only when the site turned it on, with the site texts', async () => {
    await h.app.store.unit((tx) => tx.sites.updateSettings(h.siteA.siteId as SiteId, { cesEnabled: true, csatQuestion: 'Did we help?' }));
    const { v, conversationId, live } = await answeredAndClosed();
    expect(live.csat).toMatchObject({ question: 'Did we help?', cesQuestion: 'How easy was it to get the help you needed?' });
    await ask(v.socket, 'csat:rate', { conversationId, score: 2, ces: 3 });
    expect(await ratingRows()).toMatchObject([{ score: 2, ces: 3 }]);
  });

  it('no agent reply: no question, and a rating is refused', async () => {
    const agent = await h.agent();
    const v = await h.visitor();
    const first = await send(v.socket, 'hello?');
    if (!first.ok) throw new Error('send failed');
    const conversationId = first.data.conversation.id;
    const closed = await ask(agent.socket, 'conversation:close', { conversationId });
    expect(closed.ok).toBe(true);
    const sync = await ask(v.socket, 'conversation:sync', { conversationId, afterSeq: 0 });
    expect(sync.ok && sync.data.conversation?.csat).toBeNull();
    expect(await ask(v.socket, 'csat:rate', { conversationId, score: 5 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await ratingRows()).toEqual([]);
  });

  it('bad input: out-of-range scores, 100 kB comments, another visitor, an open conversation, after the window', async () => {
    const { v, conversationId } = await answeredAndClosed();
    for (const bad of [{ score: 0 }, { score: 6 }, { score: 3.5 }, { score: '5' }, { score: 5, ces: 9 }, { score: 5, comment: 'x'.repeat(2001) }]) {
      const res = await ask(v.socket, 'csat:rate', { conversationId, ...bad } as never);
      expect(res).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    }
    // 100 kB is refused at the transport (the packet limit closes that socket), before any parsing.
    const sameVisitor = await h.visitor(h.siteA.siteKey, v.session.token);
    const dropped = new Promise((resolve) => sameVisitor.socket.on('disconnect', resolve));
    sameVisitor.socket.emit('csat:rate', { conversationId, score: 5, comment: 'x'.repeat(100_000) }, () => {});
    await dropped;
    const stranger = await h.visitor();
    expect(await ask(stranger.socket, 'csat:rate', { conversationId, score: 1 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await ask(stranger.socket, 'transcript:get', { conversationId })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const otherSite = await h.visitor(h.siteB.siteKey);
    expect(await ask(otherSite.socket, 'csat:rate', { conversationId, score: 1 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    // Agents have no rating command at all: their namespace drops it.
    expect(await ratingRows()).toEqual([]);

    const open = await send(stranger.socket, 'still open');
    if (!open.ok) throw new Error('send failed');
    expect(await ask(stranger.socket, 'csat:rate', { conversationId: open.data.conversation.id, score: 5 })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });

    await ask(v.socket, 'csat:rate', { conversationId, score: 3 });
    // Move the close 25 hours into the past: the window (24 h) has ended.
    await h.sql('update conversations set closed_at = closed_at - ? where id = ?', [25 * 3_600_000, conversationId]);
    expect(await ask(v.socket, 'csat:rate', { conversationId, score: 5 })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await ratingRows()).toMatchObject([{ score: 3 }]);
  });
});

describe('closing', () => {
  it('the visitor ends the chat from the widget; agents hear of it; the event says who', async () => {
    const agent = await h.agent();
    const v = await h.visitor();
    const first = await send(v.socket, 'never mind');
    if (!first.ok) throw new Error('send failed');
    const conversationId = first.data.conversation.id;
    const agentsHear = nextEvent<{ id: string; status: string }>(agent.socket, 'conversation:updated', (c) => c.status === 'closed');
    const ended = await ask(v.socket, 'conversation:end', { conversationId });
    expect(ended.ok && ended.data.conversation.status).toBe('closed');
    expect((await agentsHear).id).toBe(conversationId);
    const event = await h.sqlOne("select actor_type, data from conversation_events where type = 'conversation.closed'");
    // Routing had assigned it: the close is credited to that agent.
    const assignee = await h.sqlValue<string>('select assigned_agent_id as id from conversations where id = ?', [conversationId]);
    expect(event).toEqual({ actor_type: 'visitor', data: JSON.stringify({ reason: 'visitor', agentId: assignee }) });
    // Ending twice is harmless; ending someone else's is not found.
    expect((await ask(v.socket, 'conversation:end', { conversationId })).ok).toBe(true);
    const stranger = await h.visitor();
    expect(await ask(stranger.socket, 'conversation:end', { conversationId })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('a visitor writing within the reopen window reopens the conversation; after it, starts a new one', async () => {
    const agent = await h.agent();
    const v = await h.visitor();
    const first = await send(v.socket, 'question one');
    if (!first.ok) throw new Error('send failed');
    const conversationId = first.data.conversation.id;
    await ask(agent.socket, 'conversation:close', { conversationId });
    const agentsHear = nextEvent<{ id: string }>(agent.socket, 'conversation:created');
    const again = await send(v.socket, 'oh, one more thing');
    expect(again.ok && again.data.conversation).toMatchObject({ id: conversationId, status: 'open' });
    expect(again.ok && again.data.message.seq).toBe(2);
    expect((await agentsHear).id).toBe(conversationId);

    await ask(agent.socket, 'conversation:close', { conversationId });
    await h.sql('update conversations set closed_at = closed_at - ? where id = ?', [11 * 60_000, conversationId]);
    const later = await send(v.socket, 'a new matter');
    expect(later.ok && later.data.conversation.id).not.toBe(conversationId);
    const types = (await h.sql<{ type: string }>('select type from conversation_events where conversation_id = ? order by id', [conversationId])).map((e) => e.type);
    expect(types).toEqual(['conversation.started', 'conversation.assigned', 'conversation.closed', 'conversation.reopened', 'conversation.closed']);
  });

  it('the inactivity sweep closes idle conversations once, per site timeout, and tells the visitor', async () => {
    await h.app.store.unit((tx) => tx.sites.updateSettings(h.siteB.siteId as SiteId, { inactivityTimeoutMinutes: 120 }));
    const a = await h.visitor();
    const b = await h.visitor(h.siteB.siteKey);
    const fresh = await h.visitor();
    const [ca, cb] = await Promise.all([send(a.socket, 'idle on A'), send(b.socket, 'idle on B')]);
    await send(fresh.socket, 'still here');
    if (!ca.ok || !cb.ok) throw new Error('send failed');
    // 90 minutes idle: past site A's default 60, within site B's 120.
    const idle = (id: string) => h.sql('update conversations set updated_at = updated_at - ? where id = ?', [90 * 60_000, id]);
    await idle(ca.data.conversation.id);
    await idle(cb.data.conversation.id);
    const told = nextEvent<VisitorConversation>(a.socket, 'conversation:updated', (c) => c.status === 'closed');
    await Promise.all([h.app.sweepIdleConversations(), h.app.sweepIdleConversations()]);
    await h.app.sweepIdleConversations();
    expect((await told).id).toBe(ca.data.conversation.id);
    const rows = await h.sql("select conversation_id, data from conversation_events where type = 'conversation.closed'");
    expect(rows).toEqual([{ conversation_id: ca.data.conversation.id, data: JSON.stringify({ reason: 'inactivity', agentId: null }) }]);
    expect(await h.sqlValue("select count(*) from conversations where status = 'open'")).toBe(2);
  });
});

describe('CSAT settings and who may rate', () => {
  const put = async (siteId: string, body: unknown, cookie: string) => {
    const res = await fetch(`${h.url}/api/sites/${siteId}/csat-settings`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it('owners edit the texts and turn on CES; the next question uses them; agents and other sites are refused', async () => {
    const owner = await h.login(h.siteA.ownerEmail);
    const changed = await put(h.siteA.siteId, { csatQuestion: '  Did we help you today?  ', cesEnabled: true }, owner);
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ csatQuestion: 'Did we help you today?', cesEnabled: true, csatThanks: 'Thank you for your feedback!', csatChangeWindowHours: 24 });
    // A second patch keeps what the first one set.
    expect((await put(h.siteA.siteId, { csatThanks: 'Merci !' }, owner)).body).toMatchObject({ csatQuestion: 'Did we help you today?', csatThanks: 'Merci !' });
    const { live } = await answeredAndClosed();
    expect(live.csat).toMatchObject({ question: 'Did we help you today?', thanks: 'Merci !', cesQuestion: 'How easy was it to get the help you needed?' });

    expect((await put(h.siteA.siteId, { csatQuestion: '' }, owner)).status).toBe(400);
    expect((await put(h.siteA.siteId, { csatChangeWindowHours: -1 }, owner)).status).toBe(400);
    expect((await put(h.siteA.siteId, { unknown: 1 }, owner)).status).toBe(400);
    expect((await put(h.siteB.siteId, { cesEnabled: true }, owner)).status).toBe(403);
    expect((await put(h.siteA.siteId, { cesEnabled: false }, await h.login(h.siteA.agentEmail))).status).toBe(403);
    const read = await fetch(`${h.url}/api/sites/${h.siteA.siteId}/csat-settings`, { headers: { cookie: owner } });
    expect(await read.json()).toMatchObject({ cesEnabled: true, csatThanks: 'Merci !' });
  });

  it('an agent cannot rate on the visitor\'s behalf: the agent namespace has no rating command', async () => {
    const { agent, conversationId } = await answeredAndClosed();
    (agent.socket as unknown as { emit(e: string, p: unknown): void }).emit('csat:rate', { conversationId, score: 5 });
    // Commands on one socket are handled in order: once this answers, the rating attempt was handled.
    expect((await ask(agent.socket, 'inbox:list', {})).ok).toBe(true);
    expect(await ratingRows()).toEqual([]);
  });
});
