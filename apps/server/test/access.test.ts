import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask, startServer, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startServer();
});
afterAll(async () => {
  await h.close();
});

describe('one database, many sites: nobody crosses over', () => {
  it("an agent of site B cannot read, write, claim or close site A's conversation", async () => {
    const v = await h.visitor(h.siteA.siteKey);
    const ack = await ask(v.socket, 'message:send', { clientId: crypto.randomUUID(), body: 'private' });
    if (!ack.ok) throw new Error('send failed');
    const conversationId = ack.data.conversation.id;
    const intruder = await h.agent(h.siteB.ownerEmail);

    const inbox = await ask(intruder.socket, 'inbox:list', {});
    expect(inbox.ok && inbox.data.conversations).toEqual([]);
    const foreign = await ask(intruder.socket, 'inbox:list', { siteId: h.siteA.siteId as never });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const attempts = [
      ask(intruder.socket, 'conversation:open', { conversationId }),
      ask(intruder.socket, 'conversation:sync', { conversationId, afterSeq: 0 }),
      ask(intruder.socket, 'message:send', { conversationId, clientId: crypto.randomUUID(), body: 'hi' }),
      ask(intruder.socket, 'conversation:claim', { conversationId }),
      ask(intruder.socket, 'conversation:close', { conversationId }),
      ask(intruder.socket, 'typing:set', { conversationId, isTyping: true }),
      ask(intruder.socket, 'messages:read', { conversationId, upToSeq: 1 }),
    ];
    for (const result of await Promise.all(attempts)) {
      expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
    }
    expect(await h.count('messages')).toBe(1);
    const row = await h.sqlOne('select status, assigned_agent_id, agent_read_seq from conversations where id = ?', [conversationId]);
    expect(row).toEqual({ status: 'open', assigned_agent_id: null, agent_read_seq: 0 });
  });

  it("a visitor token only opens its own site's widget session, and a visitor cannot mark another's conversation read", async () => {
    const a = await h.visitor(h.siteA.siteKey);
    // Presenting site A's token to site B starts a fresh site-B visitor instead.
    const b = await h.visitorSession(h.siteB.siteKey, a.session.token);
    expect(b.visitorId).not.toBe(a.session.visitorId);

    const ack = await ask(a.socket, 'message:send', { clientId: crypto.randomUUID(), body: 'mine' });
    if (!ack.ok) throw new Error('send failed');
    const other = await h.visitor(h.siteA.siteKey);
    await ask(other.socket, 'messages:read', { conversationId: ack.data.conversation.id, upToSeq: 1 });
    const sync = await ask(other.socket, 'conversation:sync', { conversationId: ack.data.conversation.id, afterSeq: 0 });
    expect(sync.ok && sync.data).toEqual({ conversation: null, messages: [], hasMore: false });
    // A clientId reused by another visitor is a different message, not the first visitor's ack.
    const reuse = await ask(other.socket, 'message:send', { clientId: ack.data.message.clientId, body: 'theirs' });
    expect(reuse.ok && reuse.data.message.id).not.toBe(ack.data.message.id);
  });

  it('login: wrong password and unknown email get the same 401; responses never carry the hash', async () => {
    const wrong = await h.post('/api/auth/login', { email: h.siteA.agentEmail, password: 'nope-nope' });
    const unknown = await h.post('/api/auth/login', { email: 'nobody@a.test', password: 'nope-nope' });
    expect(wrong).toMatchObject({ status: 401, body: { error: { code: 'invalid_credentials' } } });
    expect(unknown.body).toEqual(wrong.body);
    const ok = await h.post('/api/auth/login', { email: h.siteA.agentEmail.toUpperCase(), password: 'correct-horse-battery' });
    expect(ok.status).toBe(200);
    expect(JSON.stringify(ok.body)).not.toMatch(/scrypt|password|secret/i);
    expect(ok.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    expect(ok.headers.get('set-cookie')).toMatch(/SameSite=Strict/i);
  });

  it('logout ends the session and closes its sockets', async () => {
    const agent = await h.agent();
    const closed = new Promise((resolve) => agent.socket.on('disconnect', resolve));
    const res = await h.post('/api/auth/logout', {}, { cookie: agent.cookie });
    expect(res.status).toBe(204);
    await closed;
    const me = await fetch(h.url + '/api/auth/me', { headers: { cookie: agent.cookie } });
    expect(me.status).toBe(401);
  });
});
