import { afterEach, describe, expect, it } from 'vitest';
import type { AgentSession, CreatedSite, SiteInstallView } from '@hearth/protocol';
import { ask, nextEvent, sleep, startServer, type Harness } from './harness.ts';

/**
 * Sites made and unmade from the console (issue 13): any account creates a site and owns it;
 * owners rename it, change its website addresses, replace its identity secret, and erase it with
 * everything in it (one unit, sockets closed, a `site.erased` fact); the install check records
 * where the widget loaded from.
 */
let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

const json = (body: unknown) => body as Record<string, unknown>;

async function createdSite(server: Harness, cookie: string, name = 'My Shop', websiteAddress = 'https://Shop.Example/') {
  const res = await server.request('POST', '/api/sites', cookie, { name, websiteAddress });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as unknown as CreatedSite;
}

describe('sites', () => {
  it('a signed-in account creates a site and owns it: its origin allowed, its key new, the console reconnected into it', async () => {
    h = await startServer();
    const cookie = await h.login(h.siteB.agentEmail);
    const console = await h.agent(h.siteB.agentEmail);
    const closed = new Promise<void>((resolve) => console.socket.once('disconnect', () => resolve()));
    const created = await createdSite(h, cookie);
    expect(created.site).toMatchObject({ name: 'My Shop', role: 'owner', key: expect.stringMatching(/^[A-Za-z0-9_-]{12}$/) });
    expect(created.allowedOrigins).toEqual(['https://shop.example']);
    await closed;
    const me = (await h.request('GET', '/api/auth/me', cookie)).body as unknown as AgentSession;
    expect(me.sites.map((s) => [s.name, s.role]).sort()).toEqual([
      ['My Shop', 'owner'],
      ['Site b', 'agent'],
    ]);
    const settings = await h.request('GET', `/api/sites/${created.site.id}/settings`, cookie);
    expect(settings.body).toMatchObject({ siteName: 'My Shop', role: 'owner', allowedOrigins: ['https://shop.example'] });
    // The new site has a working widget at once, on its own website only.
    expect((await h.post('/api/widget/session', { siteKey: created.site.key, token: null }, { origin: 'https://shop.example' })).status).toBe(200);
    expect((await h.post('/api/widget/session', { siteKey: created.site.key, token: null }, { origin: 'https://elsewhere.test' })).status).toBe(403);

    expect((await h.request('POST', '/api/sites', null, { name: 'X', websiteAddress: 'https://x.test' })).status).toBe(401);
    for (const bad of [{ name: '', websiteAddress: 'https://x.test' }, { name: 'X', websiteAddress: 'shop.example/path' }, { name: 'X', websiteAddress: 'javascript:alert(1)' }]) {
      expect((await h.request('POST', '/api/sites', cookie, bad)).status).toBe(400);
    }
  });

  it('owners rename it and change its website addresses; agents and strangers cannot', async () => {
    h = await startServer();
    const owner = await h.login(h.siteA.ownerEmail);
    const path = `/api/sites/${h.siteA.siteId}`;
    const renamed = await h.request('PATCH', path, owner, { name: 'Ember & Oak', allowedOrigins: ['https://A.test', 'http://localhost:8080/'] });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ site: { name: 'Ember & Oak' }, allowedOrigins: ['https://a.test', 'http://localhost:8080'] });
    expect((await h.request('GET', `${path}/settings`, owner)).body).toMatchObject({ siteName: 'Ember & Oak' });
    expect((await h.request('PATCH', path, owner, {})).status).toBe(400);
    expect((await h.request('PATCH', path, await h.login(h.siteA.agentEmail), { name: 'Mine now' })).status).toBe(403);
    expect((await h.request('PATCH', path, await h.login(h.siteB.ownerEmail), { name: 'Mine now' })).status).toBe(404);
    expect((await h.request('GET', `${path}/settings`, owner)).body).toMatchObject({ siteName: 'Ember & Oak' });
  });

  it('a new identity secret replaces the old one for owners only', async () => {
    h = await startServer();
    const owner = await h.login(h.siteA.ownerEmail);
    const path = `/api/sites/${h.siteA.siteId}/identity-secret`;
    const before = (await h.request('GET', path, owner)).body.secret as string;
    const fresh = await h.request('POST', path, owner, {});
    expect(fresh.status).toBe(200);
    expect(fresh.body.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(fresh.body.secret).not.toBe(before);
    expect((await h.request('GET', path, owner)).body.secret).toBe(fresh.body.secret);
    expect((await h.request('POST', path, await h.login(h.siteA.agentEmail), {})).status).toBe(403);
    expect((await h.request('GET', path, owner)).body.secret).toBe(fresh.body.secret);
  });

  it('the install check records the origin of the widget’s config request, once per origin, bounded', async () => {
    h = await startServer();
    const owner = await h.login(h.siteA.ownerEmail);
    const installs = async () => ((await h!.request('GET', `/api/sites/${h!.siteA.siteId}/install`, owner)).body as unknown as SiteInstallView).origins;
    expect(await installs()).toEqual([]);
    const config = (origin?: string) => fetch(`${h!.url}/api/widget/config?site=${h!.siteA.siteKey}`, { headers: origin ? { origin } : {} });
    expect((await config()).status).toBe(200);
    expect(await installs()).toEqual([]);
    for (let i = 0; i < 3; i++) expect((await config('https://Shop.Example')).status).toBe(200);
    expect((await config('null')).status).toBe(200);
    expect(await installs()).toEqual([{ origin: 'https://shop.example', firstSeenAt: expect.any(Number) }]);
    // Forged origins cannot grow it past the cap.
    for (let i = 0; i < 30; i++) await config(`https://forged${i}.test`);
    expect(await installs()).toHaveLength(20);
    // Agents see it too; strangers do not.
    expect((await h.request('GET', `/api/sites/${h.siteA.siteId}/install`, await h.login(h.siteA.agentEmail))).status).toBe(200);
    expect((await h.request('GET', `/api/sites/${h.siteA.siteId}/install`, await h.login(h.siteB.ownerEmail))).status).toBe(404);
  });

  it('deleting asks for the site’s name, then erases everything of it in one unit and closes its sockets', async () => {
    h = await startServer();
    const owner = await h.login(h.siteA.ownerEmail);
    const v = await h.visitor(h.siteA.siteKey);
    const sent = await ask(v.socket, 'message:send', { clientId: crypto.randomUUID(), body: 'hello before the end' });
    expect(sent.ok).toBe(true);
    const agent = await h.agent(h.siteA.agentEmail);
    const other = await h.visitor(h.siteB.siteKey);
    await ask(other.socket, 'message:send', { clientId: crypto.randomUUID(), body: 'site b stays' });
    const siteId = h.siteA.siteId;
    const erased: unknown[] = [];
    h.app.domainEvents.on('site.erased', (e) => void erased.push(e));

    const path = `/api/sites/${siteId}`;
    expect((await h.request('DELETE', path, owner, { confirmName: 'Site A' })).body.error).toMatchObject({ code: 'confirmation_mismatch' });
    expect((await h.request('DELETE', path, await h.login(h.siteA.agentEmail), { confirmName: 'Site a' })).status).toBe(403);
    expect((await h.request('DELETE', path, await h.login(h.siteB.ownerEmail), { confirmName: 'Site a' })).status).toBe(404);
    expect(await h.sqlValue('select count(*) from conversations where site_id = ?', [siteId])).toBe(1);

    const visitorGone = nextEvent(v.socket, 'disconnect', () => true, 5000);
    const agentGone = nextEvent(agent.socket, 'disconnect', () => true, 5000);
    expect((await h.request('DELETE', path, owner, { confirmName: ' Site a ' })).status).toBe(204);
    await Promise.all([visitorGone, agentGone]);
    expect(erased).toEqual([{ siteId, memberIds: expect.arrayContaining([expect.any(String), expect.any(String)]) }]);
    for (const table of ['sites']) expect(await h.sqlValue(`select count(*) from ${table} where id = ?`, [siteId])).toBe(0);
    for (const table of ['conversations', 'visitors', 'memberships', 'triggers', 'invitations', 'site_installs']) {
      expect(await h.sqlValue(`select count(*) from ${table} where site_id = ?`, [siteId]), table).toBe(0);
    }
    expect(await h.sqlValue("select count(*) from messages where body = 'hello before the end'")).toBe(0);
    expect(await h.sqlValue("select count(*) from messages where body = 'site b stays'")).toBe(1);
    // The accounts stay; the owner's session now lists no site.
    expect(((await h.request('GET', '/api/auth/me', owner)).body as unknown as AgentSession).sites).toEqual([]);
    expect((await h.request('GET', `${path}/settings`, owner)).status).toBe(404);
    expect((await h.post('/api/widget/session', { siteKey: h.siteA.siteKey, token: null })).status).toBe(404);
    await sleep(10);
    expect(json((await h.request('DELETE', path, owner, { confirmName: 'Site a' })).body).error).toMatchObject({ code: 'not_found' });
  });
});
