import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CannedReply, SiteId } from '@hearth/protocol';
import { nextEvent, record, sleep, startServer, type Harness } from './harness.ts';

/** `canned:changed`: consoles refetch canned replies when someone else changes them. */
let h: Harness;
beforeAll(async () => {
  h = await startServer();
});
afterAll(async () => {
  await h.close();
});

// The harness's HTTP call, with the caller's session cookie.
const http = (method: string, path: string, cookie: string, body?: unknown) => h.request(method, path, cookie, body);

type Fact = { siteId: SiteId };

describe('canned:changed', () => {
  it('reaches the site’s agents after an owner creates, edits and deletes a site-wide reply, and no other site', async () => {
    const colleague = await h.agent(h.siteA.agentEmail);
    const otherSite = await h.agent(h.siteB.agentEmail);
    const otherSiteFacts = record<Fact>(otherSite.socket, 'canned:changed');
    const owner = await h.login(h.siteA.ownerEmail);
    const base = `/api/sites/${h.siteA.siteId}/canned-replies`;

    let fact = nextEvent<Fact>(colleague.socket, 'canned:changed');
    const created = await http('POST', base, owner, { scope: 'site', title: 'Shipping', shortcut: 'ship', text: 'We ship in 2 days.' });
    expect(created.status).toBe(201);
    expect(await fact).toEqual({ siteId: h.siteA.siteId });
    // The fact follows the commit: a refetch now sees the new reply.
    const listed = await http('GET', '/api/canned-replies', colleague.cookie);
    expect(JSON.stringify(listed.body)).toContain('We ship in 2 days.');

    const id = (created.body!.reply as CannedReply).id;
    fact = nextEvent<Fact>(colleague.socket, 'canned:changed');
    expect((await http('PUT', `${base}/${id}`, owner, { title: 'Shipping', shortcut: 'ship', text: 'We ship in 1 day.' })).status).toBe(200);
    expect(await fact).toEqual({ siteId: h.siteA.siteId });

    fact = nextEvent<Fact>(colleague.socket, 'canned:changed');
    expect((await http('DELETE', `${base}/${id}`, owner)).status).toBe(204);
    expect(await fact).toEqual({ siteId: h.siteA.siteId });

    await sleep(100);
    expect(otherSiteFacts).toEqual([]);
  });

  it('a personal reply’s change goes only to its author, and a refused change to nobody', async () => {
    const author = await h.agent(h.siteA.agentEmail);
    const owner = await h.agent(h.siteA.ownerEmail);
    const ownerFacts = record<Fact>(owner.socket, 'canned:changed');
    const base = `/api/sites/${h.siteA.siteId}/canned-replies`;

    const fact = nextEvent<Fact>(author.socket, 'canned:changed');
    expect((await http('POST', base, author.cookie, { scope: 'personal', title: 'Mine', shortcut: 'mine', text: 'My words' })).status).toBe(201);
    expect(await fact).toEqual({ siteId: h.siteA.siteId });

    const authorFacts = record<Fact>(author.socket, 'canned:changed');
    expect((await http('POST', base, author.cookie, { scope: 'site', title: 'X', shortcut: 'x', text: 'x' })).status).toBe(403);
    await sleep(100);
    expect(ownerFacts).toEqual([]);
    expect(authorFacts).toEqual([]);
  });
});
