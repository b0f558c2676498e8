import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VISITOR_EVENTS_KEPT, type CannedReply, type ConversationId, type Label } from '@hearth/protocol';
import { ask, nextEvent, record, sleep, startServer, type Harness } from './harness.ts';
import { dbFingerprint } from './db-fingerprint.ts';

/** Issue 6, the agents' desk: canned replies, internal notes, labels, tracked events, visitor locale. */
let h: Harness;
beforeAll(async () => {
  h = await startServer();
});
afterAll(async () => {
  await h.close();
});

// The harness's HTTP call, with the caller's session cookie.
const http = (method: string, path: string, cookie: string, body?: unknown) => h.request(method, path, cookie, body);

async function startConversation(body = 'hello from the visitor') {
  const v = await h.visitor(h.siteA.siteKey);
  const sent = await ask(v.socket, 'message:send', { clientId: crypto.randomUUID(), body });
  if (!sent.ok) throw new Error('send failed');
  return { ...v, conversationId: sent.data.conversation.id as ConversationId };
}

describe('canned replies', () => {
  it('owners write site-wide replies, agents their own; each sees what they may use', async () => {
    const owner = await h.login(h.siteA.ownerEmail);
    const agent = await h.login(h.siteA.agentEmail);
    const outsider = await h.login(h.siteB.ownerEmail);
    const base = `/api/sites/${h.siteA.siteId}/canned-replies`;
    const site = await http('POST', base, owner, { scope: 'site', title: 'Greeting', shortcut: 'hi', text: 'Hi {{visitor.first_name | there}}!' });
    expect(site.status).toBe(201);
    const siteReply = site.body!.reply as CannedReply;
    expect(siteReply).toMatchObject({ scope: 'site', agentId: null, editable: true });

    expect((await http('POST', base, agent, { scope: 'site', title: 'X', shortcut: 'x', text: 'x' })).status).toBe(403);
    const mine = await http('POST', base, agent, { scope: 'personal', title: 'Mine', shortcut: 'hi', text: 'My own hi' });
    expect(mine.status).toBe(201); // the same shortcut in another scope is fine
    const myReply = mine.body!.reply as CannedReply;
    expect((await http('POST', base, agent, { scope: 'personal', title: 'Again', shortcut: 'hi', text: 'dup' })).status).toBe(409);
    expect((await http('POST', base, owner, { scope: 'site', title: 'Again', shortcut: 'hi', text: 'dup' })).status).toBe(409);

    const agentList = (await http('GET', '/api/canned-replies', agent)).body!.replies as CannedReply[];
    expect(agentList.map((r) => [r.shortcut, r.scope, r.editable])).toEqual(
      expect.arrayContaining([
        ['hi', 'site', false],
        ['hi', 'personal', true],
      ]),
    );
    // The owner does not see the agent's personal reply, and cannot change it.
    const ownerList = (await http('GET', '/api/canned-replies', owner)).body!.replies as CannedReply[];
    expect(ownerList.some((r) => r.id === myReply.id)).toBe(false);
    expect((await http('PUT', `${base}/${myReply.id}`, owner, { title: 'T', shortcut: 'hi', text: 'taken over' })).status).toBe(404);
    expect((await http('DELETE', `${base}/${myReply.id}`, owner)).status).toBe(404);
    // An agent cannot edit or delete a site-wide reply.
    expect((await http('PUT', `${base}/${siteReply.id}`, agent, { title: 'T', shortcut: 'hi', text: 'mine now' })).status).toBe(403);
    expect((await http('DELETE', `${base}/${siteReply.id}`, agent)).status).toBe(403);
    // Another site's owner sees none of them and reaches none.
    expect(((await http('GET', '/api/canned-replies', outsider)).body!.replies as CannedReply[]).length).toBe(0);
    expect((await http('GET', `/api/canned-replies?siteId=${h.siteA.siteId}`, outsider)).status).toBe(403);
    expect((await http('PUT', `${base}/${siteReply.id}`, outsider, { title: 'T', shortcut: 'hi', text: 'x' })).status).toBe(404);

    const edited = await http('PUT', `${base}/${myReply.id}`, agent, { title: 'Mine v2', shortcut: 'hello', text: 'Hello {{visitor.name}}' });
    expect(edited.status).toBe(200);
    expect(edited.body!.reply).toMatchObject({ shortcut: 'hello', title: 'Mine v2' });
    expect((await http('DELETE', `${base}/${myReply.id}`, agent)).status).toBe(204);
    expect((await http('DELETE', `${base}/${siteReply.id}`, owner)).status).toBe(204);
  });

  it('refuses bad input with a code and writes nothing', async () => {
    const owner = await h.login(h.siteA.ownerEmail);
    const base = `/api/sites/${h.siteA.siteId}/canned-replies`;
    const before = await dbFingerprint(h);
    for (const body of [
      { scope: 'site', title: 'x'.repeat(81), shortcut: 'ok', text: 'x' },
      { scope: 'site', title: 'T', shortcut: 'Has Space', text: 'x' },
      { scope: 'site', title: 'T', shortcut: 'a'.repeat(33), text: 'x' },
      { scope: 'site', title: 'T', shortcut: 'ok', text: 'x'.repeat(2001) },
      { scope: 'site', title: 'T', shortcut: 'ok', text: '   ' },
      { scope: 'everyone', title: 'T', shortcut: 'ok', text: 'x' },
      { scope: 'site', title: 'T', shortcut: 'ok', text: 'x', agentId: 'someone' },
    ]) {
      const res = await http('POST', base, owner, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body).toMatchObject({ error: { code: 'invalid_payload' } });
    }
    expect((await http('GET', '/api/canned-replies', '')).status).toBe(401);
    expect(await dbFingerprint(h)).toBe(before);
  });
});

describe('internal notes', () => {
  it('reach the site’s agents and never the visitor (live, sync or transcript)', async () => {
    const v = await startConversation();
    const visitorSaw = record<unknown>(v.socket, 'message:created');
    const visitorAny: string[] = [];
    v.socket.onAny((event: string, payload: unknown) => visitorAny.push(`${event} ${JSON.stringify(payload)}`));
    const agent = await h.agent(h.siteA.agentEmail);
    const colleague = await h.agent(h.siteA.ownerEmail);
    const outsider = await h.agent(h.siteB.agentEmail);
    const outsiderSaw = record<unknown>(outsider.socket, 'note:created');
    const colleagueGets = nextEvent<{ body: string }>(colleague.socket, 'note:created', (n) => n.body.includes('NOTE-SECRET'));

    const clientId = crypto.randomUUID();
    const added = await ask(agent.socket, 'note:add', { conversationId: v.conversationId, clientId, body: 'NOTE-SECRET refund approved' });
    expect(added.ok).toBe(true);
    expect((await colleagueGets).body).toContain('NOTE-SECRET');
    // A resend is the same note.
    const again = await ask(agent.socket, 'note:add', { conversationId: v.conversationId, clientId, body: 'NOTE-SECRET refund approved' });
    expect(again.ok && added.ok && again.data.note.id === added.data.note.id).toBe(true);
    expect(await h.sqlValue('select count(*) from conversation_notes')).toBe(1);

    const opened = await ask(agent.socket, 'conversation:open', { conversationId: v.conversationId });
    expect(opened.ok && opened.data.notes.map((n) => n.body)).toEqual(['NOTE-SECRET refund approved']);
    expect(opened.ok && opened.data.messages.some((m) => m.body.includes('NOTE-SECRET'))).toBe(false);

    const sync = await ask(v.socket, 'conversation:sync', { conversationId: null, afterSeq: 0 });
    const transcript = await ask(v.socket, 'transcript:get', { conversationId: v.conversationId });
    await sleep(100);
    expect(JSON.stringify(sync)).not.toContain('NOTE-SECRET');
    expect(JSON.stringify(transcript)).not.toContain('NOTE-SECRET');
    expect(visitorAny.join('\n')).not.toContain('NOTE-SECRET');
    expect(visitorSaw.length).toBe(0);
    expect(outsiderSaw.length).toBe(0);

    // Another site's agent cannot write one; bad input is refused with a code.
    const refused = await ask(outsider.socket, 'note:add', { conversationId: v.conversationId, clientId: crypto.randomUUID(), body: 'sneaky' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const empty = await ask(agent.socket, 'note:add', { conversationId: v.conversationId, clientId: crypto.randomUUID(), body: '   ' });
    expect(empty).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
  });
});

describe('labels', () => {
  it('are per site, go on and off conversations, and ride on summaries', async () => {
    const owner = await h.login(h.siteA.ownerEmail);
    const created = await http('POST', `/api/sites/${h.siteA.siteId}/labels`, owner, { name: 'vip', color: '#AA3300' });
    expect(created.status).toBe(201);
    const vip = created.body!.label as Label;
    expect(vip.color).toBe('#aa3300');
    expect((await http('POST', `/api/sites/${h.siteA.siteId}/labels`, owner, { name: 'vip', color: '#aa3300' })).status).toBe(409);
    expect((await http('POST', `/api/sites/${h.siteA.siteId}/labels`, owner, { name: 'bad', color: 'red;x' })).status).toBe(400);
    expect((await http('POST', `/api/sites/${h.siteA.siteId}/labels`, owner, { name: 'x'.repeat(33), color: '#000000' })).status).toBe(400);
    const bOwner = await h.login(h.siteB.ownerEmail);
    const otherSite = (await http('POST', `/api/sites/${h.siteB.siteId}/labels`, bOwner, { name: 'theirs', color: '#000000' })).body!.label as Label;

    const v = await startConversation('labels please');
    const agent = await h.agent(h.siteA.agentEmail);
    const watcher = await h.agent(h.siteA.ownerEmail);
    const updated = nextEvent<{ id: string; labels?: Label[] }>(watcher.socket, 'conversation:updated', (c) => c.id === v.conversationId && (c.labels?.length ?? 0) > 0);
    const add = await ask(agent.socket, 'label:add', { conversationId: v.conversationId, labelId: vip.id });
    expect(add.ok && add.data.conversation.labels).toEqual([{ id: vip.id, name: 'vip', color: '#aa3300' }]);
    expect((await updated).labels?.[0]?.name).toBe('vip');
    const inbox = await ask(agent.socket, 'inbox:list', {});
    expect(inbox.ok && inbox.data.conversations.find((c) => c.id === v.conversationId)?.labels).toEqual([{ id: vip.id, name: 'vip', color: '#aa3300' }]);

    // Another site's label, or a stranger's conversation: not found, nothing written.
    const outsider = await h.agent(h.siteB.agentEmail);
    const before = await dbFingerprint(h);
    expect(await ask(agent.socket, 'label:add', { conversationId: v.conversationId, labelId: otherSite.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await ask(outsider.socket, 'label:add', { conversationId: v.conversationId, labelId: otherSite.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await ask(agent.socket, 'label:add', { conversationId: v.conversationId, labelId: '' } as never)).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    expect(await dbFingerprint(h)).toBe(before);

    const removed = await ask(agent.socket, 'label:remove', { conversationId: v.conversationId, labelId: vip.id });
    expect(removed.ok && removed.data.conversation.labels).toEqual([]);
    // Only owners delete labels.
    const agentCookie = await h.login(h.siteA.agentEmail);
    expect((await http('DELETE', `/api/sites/${h.siteA.siteId}/labels/${vip.id}`, agentCookie)).status).toBe(403);
    expect((await http('DELETE', `/api/sites/${h.siteA.siteId}/labels/${vip.id}`, owner)).status).toBe(204);
  });
});

describe('visitor events and locale', () => {
  it('visitor:track is idempotent by id, capped per visitor, refuses bad input, and reaches agents who have it open', async () => {
    const v = await startConversation('tracking');
    const agent = await h.agent(h.siteA.agentEmail);
    await ask(agent.socket, 'conversation:open', { conversationId: v.conversationId });
    const live = nextEvent<{ event: { name: string } }>(agent.socket, 'visitor:tracked');
    const event = { id: 'evt-00000001', name: 'cart_updated', props: { items: 2, total: 84 }, at: Date.now() };
    expect(await ask(v.socket, 'visitor:track', event)).toEqual({ ok: true, data: null });
    expect((await live).event.name).toBe('cart_updated');
    expect(await ask(v.socket, 'visitor:track', event)).toEqual({ ok: true, data: null });
    const count = () => h.sqlValue<number>('select count(*) from visitor_events where visitor_id = ?', [v.session.visitorId]);
    expect(await count()).toBe(1);

    const before = await dbFingerprint(h);
    for (const bad of [
      { id: 'short', name: 'x', at: 1 },
      { id: 'evt-00000002', name: '', at: 1 },
      { id: 'evt-00000002', name: 'x', at: -1 },
      { id: 'evt-00000002', name: 'x', at: 1, props: { nested: { a: 1 } } },
      { id: 'evt-00000002', name: 'x', at: 1, extra: true },
    ]) {
      expect(await ask(v.socket, 'visitor:track', bad as never), JSON.stringify(bad)).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    }
    expect(await dbFingerprint(h)).toBe(before);

    for (let i = 0; i < VISITOR_EVENTS_KEPT + 20; i++) {
      await ask(v.socket, 'visitor:track', { id: `evt-bulk-${String(i).padStart(4, '0')}`, name: 'page_event', at: 1_000 + i });
    }
    expect(await count()).toBe(VISITOR_EVENTS_KEPT);
    const opened = await ask(agent.socket, 'conversation:open', { conversationId: v.conversationId });
    // The newest are kept: the cart event (now) first, then the latest bulk ones.
    expect(opened.ok && opened.data.visitorDetails.events[0]?.name).toBe('cart_updated');
    expect(opened.ok && opened.data.visitorDetails.events[1]?.id).toBe(`evt-bulk-${String(VISITOR_EVENTS_KEPT + 19).padStart(4, '0')}`);
  });

  it('visitor:update stores time zone and language; the sidebar shows them with attributes and past conversations', async () => {
    const v = await startConversation('first');
    await ask(v.socket, 'conversation:end', { conversationId: v.conversationId });
    // Past the reopen window: the next message starts a second conversation.
    await h.sql('update conversations set closed_at = 0 where id = ?', [v.conversationId]);
    const second = await ask(v.socket, 'message:send', { clientId: crypto.randomUUID(), body: 'second' });
    const secondId = (second.ok ? second.data.conversation.id : '') as ConversationId;
    expect(await ask(v.socket, 'visitor:update', { timeZone: 'Europe/Berlin', language: 'de-DE', attributes: { plan: 'pro' }, name: 'Ada' })).toEqual({ ok: true, data: null });
    expect(await ask(v.socket, 'visitor:update', { timeZone: 'x'.repeat(65) })).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    const agent = await h.agent(h.siteA.agentEmail);
    const opened = await ask(agent.socket, 'conversation:open', { conversationId: secondId });
    if (!opened.ok) throw new Error('open failed');
    expect(opened.data.visitorDetails).toMatchObject({ verified: false, timeZone: 'Europe/Berlin', language: 'de-DE', attributes: { plan: 'pro' } });
    expect(opened.data.visitorDetails.pastConversations.map((c) => c.id)).toEqual([v.conversationId]);
    // An unknown zone is dropped rather than stored.
    await ask(v.socket, 'visitor:update', { timeZone: 'Mars/Olympus' });
    const row = await h.sqlOne('select time_zone, language from visitors where id = ?', [v.session.visitorId]);
    expect(row).toEqual({ time_zone: null, language: 'de-DE' });
  });
});
