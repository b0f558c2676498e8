import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask, startServer, type Harness } from './harness.ts';

/** Issue 12, Low: a NUL byte in the transcript search `q` gave a 500; the kind is every text input. */
let h: Harness;
let owner: string;
beforeAll(async () => {
  h = await startServer();
  owner = await h.login(h.siteA.ownerEmail);
});
afterAll(async () => {
  await h.close();
});

describe('a NUL character in any text input is refused as invalid, never a 500', () => {
  it('transcript search q', async () => {
    const res = await fetch(`${h.url}/api/transcripts/search?q=hello%00world`, { headers: { cookie: owner } });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'invalid_payload' } });
    expect((await fetch(`${h.url}/api/transcripts/search?q=hello`, { headers: { cookie: owner } })).status).toBe(200);
  });

  it('HTTP bodies and path parameters', async () => {
    const settings = await h.request('PUT', `/api/sites/${h.siteA.siteId}/settings`, owner, { name: 'Shop\u0000' });
    expect(settings.status).toBe(400);
    const profile = await h.request('PUT', '/api/agents/me/profile', owner, { name: 'Ada\u0000' });
    expect(profile.status).toBe(400);
    const param = await fetch(`${h.url}/api/visitors/abc%00def/export`, { headers: { cookie: owner } });
    expect(param.status).toBe(400);
    const session = await h.post('/api/widget/session', { siteKey: `${h.siteA.siteKey}\u0000`, token: null });
    expect(session.status).toBe(400);
  });

  it('socket commands: a message, a profile update, a tracked event — refused and nothing stored', async () => {
    const { socket } = await h.visitor();
    const before = await h.count('messages');
    const sent = await ask(socket, 'message:send', { clientId: crypto.randomUUID(), body: 'hi\u0000there' });
    expect(sent).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    const update = await ask(socket, 'visitor:update', { name: 'Eve\u0000' });
    expect(update).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    const tracked = await ask(socket, 'visitor:track', { id: 'evt-12345678', name: 'cart', props: { sku: 'a\u0000' }, at: Date.now() });
    expect(tracked).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    expect(await h.count('messages')).toBe(before);
    const agent = await h.agent(h.siteA.agentEmail);
    const listed = await ask(agent.socket, 'inbox:list', {});
    expect(listed.ok).toBe(true);
  });
});
