import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentProfile, Message, SiteSettingsView, VisitorConversation } from '@hearth/protocol';
import { ask, nextEvent, startServer, type Harness } from './harness.ts';
import { dbFingerprint } from './db-fingerprint.ts';

let h: Harness;
beforeAll(async () => {
  h = await startServer();
});
afterAll(async () => {
  await h.close();
});

const call = (method: string, path: string, cookie: string | null, body?: unknown) => h.request(method, path, cookie, body);

const settingsPath = () => `/api/sites/${h.siteA.siteId}/settings`;

describe('site settings', () => {
  it('owners save appearance, pre-chat and origins; the widget session carries them', async () => {
    const owner = await h.login(h.siteA.ownerEmail);
    const saved = await call('PUT', settingsPath(), owner, {
      appearance: { brandColor: '#0E7490', position: 'left', theme: 'dark', greeting: ' Hi there ', launcherLabel: 'Talk to us', showAgents: false, sound: false, locale: 'de' },
      prechat: { enabled: true, name: 'required', email: 'optional', topic: 'off' },
      allowedOrigins: ['HTTPS://Shop.Example:443/', 'https://shop.example', 'http://localhost:8080', 'http://127.0.0.1'],
    });
    expect(saved.status).toBe(200);
    const view = saved.body as unknown as SiteSettingsView;
    expect(view.appearance).toMatchObject({ brandColor: '#0e7490', position: 'left', theme: 'dark', greeting: 'Hi there', locale: 'de', showAgents: false });
    expect(view.allowedOrigins).toEqual(['https://shop.example', 'http://localhost:8080', 'http://127.0.0.1']);
    expect(view.prechat.enabled).toBe(true);
    // The widget session on an allowed page reflects the saved appearance; another page is refused.
    const session = await h.post('/api/widget/session', { siteKey: h.siteA.siteKey, host: 'https://SHOP.example' });
    expect(session.body).toMatchObject({ site: { appearance: { brandColor: '#0e7490' }, prechat: { name: 'required' } } });
    expect((await h.post('/api/widget/session', { siteKey: h.siteA.siteKey, host: 'https://evil.example' })).status).toBe(403);
    // Back to defaults for the other tests.
    expect((await call('PUT', settingsPath(), owner, { appearance: {}, prechat: {}, allowedOrigins: [] })).status).toBe(200);
  });

  it('a colour that is not a colour, or an origin that is not an origin, is refused with a code and writes nothing', async () => {
    const owner = await h.login(h.siteA.ownerEmail);
    const before = await dbFingerprint(h);
    for (const brandColor of ['red', '#12345', '#gggggg', 'javascript:alert(1)', '#1234567', '']) {
      const res = await call('PUT', settingsPath(), owner, { appearance: { brandColor } });
      expect(res.status, brandColor).toBe(400);
      expect(res.body.error?.code).toBe('invalid_color');
    }
    for (const origin of ['shop.example', 'ftp://shop.example', 'https://shop.example/path', 'https://', 'javascript:alert(1)', 'https://a b']) {
      const res = await call('PUT', settingsPath(), owner, { allowedOrigins: [origin] });
      expect(res.status, origin).toBe(400);
      expect(res.body.error?.code).toBe('invalid_origin');
    }
    expect((await call('PUT', settingsPath(), owner, { appearance: { position: 'top' } })).body.error?.code).toBe('invalid_payload');
    expect((await call('PUT', settingsPath(), owner, { requireIdentity: true })).body.error?.code).toBe('invalid_payload');
    expect((await call('PUT', settingsPath(), owner, { appearance: { greeting: 'x'.repeat(301) } })).status).toBe(400);
    expect(await dbFingerprint(h)).toBe(before);
  });

  it('agents read but may not change; strangers and other sites get 404; anonymous 401', async () => {
    const agent = await h.login(h.siteA.agentEmail);
    const read = await call('GET', settingsPath(), agent);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ role: 'agent', siteKey: h.siteA.siteKey });
    expect(JSON.stringify(read.body)).not.toMatch(/secret/i);
    expect((await call('PUT', settingsPath(), agent, { appearance: { brandColor: '#000000' } })).status).toBe(403);
    expect((await call('GET', `/api/sites/${h.siteA.siteId}/identity-secret`, agent)).status).toBe(403);

    const otherOwner = await h.login(h.siteB.ownerEmail);
    expect((await call('GET', settingsPath(), otherOwner)).status).toBe(404);
    expect((await call('PUT', settingsPath(), otherOwner, { appearance: { brandColor: '#000000' } })).status).toBe(404);
    expect((await call('GET', `/api/sites/${h.siteA.siteId}/identity-secret`, otherOwner)).status).toBe(404);
    expect((await call('GET', settingsPath(), null)).status).toBe(401);
  });

  it('the owner reveals the identity secret on request', async () => {
    const owner = await h.login(h.siteA.ownerEmail);
    const res = await call('GET', `/api/sites/${h.siteA.siteId}/identity-secret`, owner);
    const stored = await h.sqlValue('select secret from sites where id = ?', [h.siteA.siteId]);
    expect(res.body.secret).toBe(stored);
  });
});

describe('my profile', () => {
  it('validates the avatar URL (https only, at most 512 characters) and the name', async () => {
    const agent = await h.login(h.siteA.agentEmail);
    for (const avatarUrl of ['http://cdn.test/a.png', 'javascript:alert(1)', 'data:image/png;base64,AAAA', `https://cdn.test/${'a'.repeat(500)}`, 'https://cdn.test/"onerror=x']) {
      expect((await call('PUT', '/api/agents/me/profile', agent, { avatarUrl })).status, avatarUrl).toBe(400);
    }
    expect((await call('PUT', '/api/agents/me/profile', agent, { name: '   ' })).status).toBe(400);
    expect((await call('PUT', '/api/agents/me/profile', agent, { agentId: 'someone-else', name: 'X' })).status).toBe(400);
    expect((await call('PUT', '/api/agents/me/profile', null, { name: 'X' })).status).toBe(401);
  });

  it('the assigned agent’s name and avatar reach the visitor; with showAgents off the visitor sees the site name', async () => {
    const agentCookie = await h.login(h.siteA.agentEmail);
    const saved = await call('PUT', '/api/agents/me/profile', agentCookie, { name: 'Ada from Support', avatarUrl: 'https://cdn.test/ada.png' });
    expect(saved.body as unknown as AgentProfile).toMatchObject({ name: 'Ada from Support', avatarUrl: 'https://cdn.test/ada.png' });

    const agent = await h.agent(h.siteA.agentEmail);
    const v = await h.visitor(h.siteA.siteKey);
    const sent = await ask(v.socket, 'message:send', { clientId: crypto.randomUUID(), body: 'hello' });
    if (!sent.ok) throw new Error(sent.error.message);
    const conversationId = sent.data.conversation.id;
    await ask(agent.socket, 'conversation:claim', { conversationId }).catch(() => null);
    const view = async () => {
      const sync = await ask(v.socket, 'conversation:sync', { conversationId, afterSeq: 0 });
      if (!sync.ok || !sync.data.conversation) throw new Error('sync failed');
      return sync.data.conversation as VisitorConversation;
    };
    expect(await view()).toMatchObject({ assignedAgentName: 'Ada from Support', assignedAgentAvatarUrl: 'https://cdn.test/ada.png' });

    const owner = await h.login(h.siteA.ownerEmail);
    await call('PUT', settingsPath(), owner, { appearance: { showAgents: false } });
    expect(await view()).toMatchObject({ assignedAgentName: 'Site a', assignedAgentAvatarUrl: null });
    // Their messages and typing reach the visitor signed with the site's name too.
    const live = nextEvent<Message>(v.socket, 'message:created', (m) => m.authorType === 'agent');
    const typing = nextEvent<{ name: string | null }>(v.socket, 'typing:changed');
    await ask(agent.socket, 'typing:set', { conversationId, isTyping: true });
    expect((await typing).name).toBe('Site a');
    await ask(agent.socket, 'message:send', { conversationId, clientId: crypto.randomUUID(), body: 'Hi, how can I help?' });
    expect((await live).authorName).toBe('Site a');
    const synced = await ask(v.socket, 'conversation:sync', { conversationId, afterSeq: 0 });
    expect(synced.ok && synced.data.messages.filter((m) => m.authorType === 'agent').map((m) => m.authorName)).toEqual(['Site a']);
    await call('PUT', settingsPath(), owner, { appearance: { showAgents: true } });
    expect((await view()).assignedAgentName).toBe('Ada from Support');
    agent.socket.disconnect();
    v.socket.disconnect();
  });
});
