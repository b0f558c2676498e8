import { expect, it } from 'vitest';
import type { AgentId, ConversationId, SiteId, VisitorId } from '@hearth/protocol';
import type { CannedRow } from '../../canned/canned.store.ts';
import { describeEngines } from './engines.ts';
import { seedConversation, seedEvent, seedSite } from './fixtures.ts';

describeEngines('CannedStore', (ctx) => {
  const reply = (siteId: SiteId, id: string, shortcut: string, agentId: AgentId | null = null): CannedRow => ({ id, siteId, agentId, title: `T ${id}`, shortcut, text: `text ${id}`, createdAt: 1, updatedAt: 1 });

  it('keeps shortcuts unique per scope and lists site-wide plus the agent’s own replies by shortcut', async () => {
    const { store, sql } = ctx();
    const { siteId, agentId } = await seedSite(sql);
    const other = await seedSite(sql, 'b');
    expect(await store.unit((tx) => tx.canned.insert(reply(siteId, 'r1', 'hello')))).toBe('ok');
    expect(await store.unit((tx) => tx.canned.insert(reply(siteId, 'r2', 'hello')))).toBe('conflict');
    expect(await store.unit((tx) => tx.canned.insert(reply(siteId, 'r3', 'hello', agentId)))).toBe('ok');
    expect(await store.unit((tx) => tx.canned.insert(reply(siteId, 'r4', 'hello', agentId)))).toBe('conflict');
    expect(await store.unit((tx) => tx.canned.insert(reply(siteId, 'r5', 'bye', other.agentId)))).toBe('ok');
    expect(await store.unit((tx) => tx.canned.insert(reply(siteId, 'r6', 'agenda')))).toBe('ok');
    expect((await store.read.canned.list([siteId], agentId)).map((r) => r.id)).toEqual(['r6', 'r1', 'r3']);
    expect(await store.read.canned.list([], agentId)).toEqual([]);
    expect(await store.read.canned.get(siteId, 'r1')).toEqual(reply(siteId, 'r1', 'hello'));
    expect(await store.read.canned.get(other.siteId, 'r1')).toBeNull();
  });

  it('updates a reply unless its new shortcut is taken, and deletes within the site only', async () => {
    const { store, sql } = ctx();
    const { siteId } = await seedSite(sql);
    const other = await seedSite(sql, 'b');
    await store.unit(async (tx) => {
      await tx.canned.insert(reply(siteId, 'r1', 'one'));
      await tx.canned.insert(reply(siteId, 'r2', 'two'));
    });
    expect(await store.unit((tx) => tx.canned.update({ ...reply(siteId, 'r1', 'two'), title: 'x' }))).toBe('conflict');
    expect(await store.unit((tx) => tx.canned.update({ ...reply(siteId, 'r1', 'one'), title: 'Kept shortcut', updatedAt: 9 }))).toBe('ok');
    expect(await store.read.canned.get(siteId, 'r1')).toMatchObject({ title: 'Kept shortcut', shortcut: 'one', updatedAt: 9, createdAt: 1 });
    await store.unit((tx) => tx.canned.delete(other.siteId, 'r1'));
    expect(await store.read.canned.get(siteId, 'r1')).not.toBeNull();
    await store.unit((tx) => tx.canned.delete(siteId, 'r1'));
    expect(await store.read.canned.get(siteId, 'r1')).toBeNull();
  });

  it('answers conflict, not an error, when two nodes add the same shortcut at once', async () => {
    const { store, sql } = ctx();
    const peer = await ctx().peer();
    const { siteId } = await seedSite(sql);
    const results = await Promise.all(Array.from({ length: 4 }, (_, i) => (i % 2 ? peer : store).unit((tx) => tx.canned.insert(reply(siteId, `r${i}`, 'same')))));
    expect(results.sort()).toEqual(['conflict', 'conflict', 'conflict', 'ok']);
  });
});

describeEngines('CsatStore', (ctx) => {
  it('finds the visitor’s own conversation only, and whether an agent replied', async () => {
    const { store, sql } = ctx();
    const { siteId, visitorId, agentId } = await seedSite(sql);
    const c = await seedConversation(sql, siteId, visitorId, 'c1', 'closed');
    await sql.all('update conversations set closed_at = 77, assigned_agent_id = ? where id = ?', [agentId, c]);
    expect(await store.read.csat.visitorConversation(siteId, visitorId, c)).toEqual({ id: c, status: 'closed', closedAt: 77, agentId });
    expect(await store.read.csat.visitorConversation(siteId, 'other' as VisitorId, c)).toBeNull();
    expect(await store.read.csat.hasAgentReply(c)).toBe(false);
    await sql.all("insert into messages (id, conversation_id, site_id, seq, client_id, author_type, author_id, body, created_at) values ('m', ?, ?, 1, 'x', 'agent', ?, 'hi', 0)", [c, siteId, agentId]);
    expect(await store.read.csat.hasAgentReply(c)).toBe(true);
  });

  it('stores one rating per conversation, replacing it and keeping the first createdAt, with a csat.rated event each time', async () => {
    const { store, sql } = ctx();
    const { siteId, visitorId, agentId } = await seedSite(sql);
    const c = await seedConversation(sql, siteId, visitorId, 'c1', 'closed');
    const rate = (score: number, now: number) => store.unit((tx) => tx.csat.saveRating({ conversationId: c, siteId, visitorId, agentId, score, ces: 3, comment: `s${score}`, now }));
    expect(await store.read.csat.rating(c)).toBeNull();
    await rate(2, 100);
    await rate(5, 200);
    expect(await store.read.csat.rating(c)).toEqual({ score: 5, ces: 3, comment: 's5', ratedAt: 200 });
    expect(await sql.one('select created_at, updated_at, agent_id from csat_ratings')).toEqual({ created_at: 100, updated_at: 200, agent_id: agentId });
    expect((await sql.all<{ data: string }>("select data from conversation_events where type = 'csat.rated' order by id")).map((e) => JSON.parse(e.data))).toEqual([
      { score: 2, ces: 3, agentId },
      { score: 5, ces: 3, agentId },
    ]);
  });
});

describeEngines('LabelStore', (ctx) => {
  it('creates labels unique per site name, lists them by name, deletes within the site', async () => {
    const { store, sql } = ctx();
    const { siteId } = await seedSite(sql);
    const other = await seedSite(sql, 'b');
    const vip = await store.unit((tx) => tx.labels.create(siteId, { name: 'VIP', color: '#ff0000' }, 1));
    expect(vip).toMatchObject({ siteId, name: 'VIP', color: '#ff0000' });
    expect(await store.unit((tx) => tx.labels.create(siteId, { name: 'VIP', color: '#00ff00' }, 2))).toBeNull();
    await store.unit((tx) => tx.labels.create(siteId, { name: 'Billing', color: '#0000ff' }, 3));
    await store.unit((tx) => tx.labels.create(other.siteId, { name: 'VIP', color: '#000000' }, 3));
    expect((await store.read.labels.list([siteId])).map((l) => l.name)).toEqual(['Billing', 'VIP']);
    expect(await store.read.labels.list([])).toEqual([]);
    expect(await store.unit((tx) => tx.labels.delete(other.siteId, vip!.id))).toBe(false);
    expect(await store.unit((tx) => tx.labels.delete(siteId, vip!.id))).toBe(true);
    expect((await store.read.labels.list([siteId])).map((l) => l.name)).toEqual(['Billing']);
  });

  it('puts a label of the conversation’s own site on and off, idempotently, bumping updatedAt on a change', async () => {
    const { store, sql } = ctx();
    const { siteId, visitorId } = await seedSite(sql);
    const other = await seedSite(sql, 'b');
    const c = await seedConversation(sql, siteId, visitorId, 'c1');
    const label = (await store.unit((tx) => tx.labels.create(siteId, { name: 'VIP', color: '#ff0000' }, 1)))!;
    const foreign = (await store.unit((tx) => tx.labels.create(other.siteId, { name: 'X', color: '#ff0000' }, 1)))!;
    const set = (labelId: string, on: boolean, now: number, siteIds: SiteId[] = [siteId]) => store.unit((tx) => tx.labels.setOnConversation(siteIds, c, labelId, on, now));
    expect(await set(label.id, true, 10)).toBe('changed');
    expect(await set(label.id, true, 11)).toBe('unchanged');
    expect(await sql.value('select updated_at from conversations where id = ?', [c])).toBe(10);
    expect(await set(foreign.id, true, 12)).toBe('not_found');
    expect(await set(foreign.id, true, 12, [siteId, other.siteId])).toBe('not_found');
    expect(await set(label.id, true, 12, [other.siteId])).toBe('not_found');
    expect(await set(label.id, true, 12, [])).toBe('not_found');
    expect(await store.read.labels.labelsOf([c, 'none' as ConversationId])).toEqual(new Map([[c, [{ id: label.id, name: 'VIP', color: '#ff0000' }]]]));
    expect(await set(label.id, false, 20)).toBe('changed');
    expect(await set(label.id, false, 21)).toBe('unchanged');
    expect(await store.read.labels.labelsOf([c])).toEqual(new Map());
    expect(await store.read.labels.labelsOf([])).toEqual(new Map());
  });
});

describeEngines('InvitationStore', (ctx) => {
  it('lists pending invitations, revokes, accepts once', async () => {
    const { store, sql } = ctx();
    const { siteId, agentId } = await seedSite(sql);
    const invite = (id: string, email: string, createdAt: number, expiresAt: number) =>
      store.unit((tx) => tx.invitations.insert({ id, email, role: 'agent', createdAt, expiresAt, siteId, tokenHash: `h-${id}`, invitedBy: agentId }));
    await invite('i1', 'x@t.test', 1, 1000);
    await invite('i2', 'y@t.test', 2, 1000);
    await invite('i3', 'z@t.test', 3, 50);
    expect((await store.read.invitations.pending(siteId, 100)).map((i) => i.id)).toEqual(['i1', 'i2']);
    await store.unit((tx) => tx.invitations.revokeOpenFor(siteId, 'x@t.test', 101));
    expect(await store.unit((tx) => tx.invitations.revoke(siteId, 'i2', 102))).toBe(true);
    expect(await store.unit((tx) => tx.invitations.revoke(siteId, 'i2', 103))).toBe(false);
    expect(await store.read.invitations.pending(siteId, 100)).toEqual([]);
    await invite('i4', 'w@t.test', 4, 1000);
    expect(await store.read.invitations.byTokenHash('h-i4')).toEqual({ id: 'i4', siteId, siteName: 'Site a', email: 'w@t.test', role: 'agent', expiresAt: 1000, acceptedAt: null, revokedAt: null });
    expect(await store.read.invitations.byTokenHash('nope')).toBeNull();
    const peer = await ctx().peer();
    const accepted = await Promise.all([store.unit((tx) => tx.invitations.markAccepted('i4', 200)), peer.unit((tx) => tx.invitations.markAccepted('i4', 201))]);
    expect(accepted.sort()).toEqual([false, true]);
    expect(await store.unit((tx) => tx.invitations.markAccepted('i1', 202))).toBe(false);
  });
});

describeEngines('TriggerStore', (ctx) => {
  const rule = (name: string) => ({ name, when: [[{ signal: 'exit_intent' as const }]], action: { message: `Wait, ${name}!`, senderName: null } });

  it('creates rules with defaults filled, reads, updates and deletes them within the site', async () => {
    const { store, sql } = ctx();
    const { siteId } = await seedSite(sql);
    const other = await seedSite(sql, 'b');
    const first = await store.unit((tx) => tx.triggers.create(siteId, rule('first'), 1000));
    const second = await store.unit((tx) => tx.triggers.create(siteId, rule('second'), 2000));
    expect(first).toMatchObject({ name: 'first', enabled: true, priority: 50, delaySeconds: 0 });
    expect((await store.read.triggers.list(siteId)).map((t) => t.name)).toEqual(['first', 'second']);
    expect(await store.read.triggers.get(siteId, first.id)).toEqual(first);
    expect(await store.read.triggers.get(other.siteId, first.id)).toBeNull();
    const { id: _id, ...fields } = first;
    expect(await store.unit((tx) => tx.triggers.update(siteId, first.id, { ...fields, name: 'renamed' }, 3000))).toMatchObject({ id: first.id, name: 'renamed' });
    expect(await store.unit((tx) => tx.triggers.update(other.siteId, first.id, fields, 3000))).toBeNull();
    // An unreadable rule is skipped by list and get, but still has an id.
    await sql.all("update triggers set rule = 'garbage' where id = ?", [second.id]);
    expect((await store.read.triggers.list(siteId)).map((t) => t.name)).toEqual(['renamed']);
    expect(await store.read.triggers.get(siteId, second.id)).toBeNull();
    expect((await store.read.triggers.ids(siteId)).sort()).toEqual([first.id, second.id].sort());
    expect(await store.unit((tx) => tx.triggers.delete(other.siteId, first.id))).toBe(false);
    expect(await store.unit((tx) => tx.triggers.delete(siteId, first.id))).toBe(true);
  });

  it('counts prompts, conversations and conversions per trigger the same way on both engines', async () => {
    const { store, sql } = ctx();
    const { siteId, visitorId } = await seedSite(sql);
    const signals = (visitId: string, events: Array<Record<string, unknown>>) =>
      store.unit((tx) => tx.triggers.recordSignals(siteId, { siteKey: 'key-a', visitId, events } as never, 5));
    await signals('visit-0001', [
      { type: 'shown', triggerId: 't1', at: 10 },
      { type: 'shown', triggerId: 't1', at: 20 },
      { type: 'engaged', triggerId: 't1', at: 21 },
      { type: 'purchase', value: 30, currency: 'EUR', at: 30 },
      { type: 'purchase', value: 12.5, currency: 'EUR', at: 40 },
    ]);
    await signals('visit-0002', [
      { type: 'purchase', value: 99, currency: 'EUR', at: 1 },
      { type: 'shown', triggerId: 't2', at: 5 },
      { type: 'dismissed', triggerId: 't2', at: 6 },
    ]);
    const c = await seedConversation(sql, siteId, visitorId, 'c1');
    await seedEvent(sql, { conversationId: c, siteId, type: 'conversation.started', data: { triggerId: 't1', triggerName: 'Exit' }, at: 22 });
    const counts = await store.read.triggers.counts(siteId);
    const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(counts.prompts)).toEqual([
      { id: 't1', shown: 2, engaged: 1 },
      { id: 't2', shown: 1, engaged: 0 },
    ]);
    expect(counts.conversations).toEqual([{ id: 't1', n: 1 }]);
    expect(counts.conversions).toEqual([{ id: 't1', n: 2, value: 42.5 }]);
    expect(await store.read.triggers.startedData(c)).toEqual({ triggerId: 't1', triggerName: 'Exit' });
    expect(await store.read.triggers.startedData('none' as ConversationId)).toBeNull();
  });
});

describeEngines('VisitorStore', (ctx) => {
  it('creates visitors, touches anonymous ones only, reads and sets profiles', async () => {
    const { store, sql } = ctx();
    const { siteId } = await seedSite(sql);
    const other = await seedSite(sql, 'b');
    await store.unit(async (tx) => {
      await tx.visitors.create({ id: 'anon' as VisitorId, siteId, userAgent: 'UA', externalId: null, now: 1 });
      await tx.visitors.create({ id: 'known' as VisitorId, siteId, userAgent: 'UA', externalId: 'u1', now: 1 });
    });
    expect(await store.unit((tx) => tx.visitors.touchAnonymous(siteId, 'anon' as VisitorId, { now: 5, userAgent: 'UA2' }))).toBe(true);
    expect(await store.unit((tx) => tx.visitors.touchAnonymous(siteId, 'known' as VisitorId, { now: 5, userAgent: null }))).toBe(false);
    expect(await store.unit((tx) => tx.visitors.touchAnonymous(other.siteId, 'anon' as VisitorId, { now: 5, userAgent: null }))).toBe(false);
    await store.unit((tx) => tx.visitors.setProfile('anon' as VisitorId, { attributes: '{"plan":"pro"}', timeZone: 'Europe/Berlin', language: 'de', name: 'N' }));
    await store.unit((tx) => tx.visitors.setProfile('anon' as VisitorId, {}));
    expect(await store.read.visitors.profile(siteId, 'anon' as VisitorId)).toEqual({ externalId: null, attributes: '{"plan":"pro"}', timeZone: 'Europe/Berlin', language: 'de' });
    expect(await store.unit((tx) => tx.visitors.profileForUpdate(siteId, 'known' as VisitorId))).toMatchObject({ externalId: 'u1', attributes: '{}' });
    expect(await store.read.visitors.profile(other.siteId, 'anon' as VisitorId)).toBeNull();
    expect(await sql.one('select last_seen_at, user_agent, name from visitors where id = ?', ['anon'])).toEqual({ last_seen_at: 5, user_agent: 'UA2', name: 'N' });
  });

  it('merges attributes from two tabs at once without losing a key', async () => {
    const { store, sql } = ctx();
    const peer = await ctx().peer();
    const { siteId, visitorId } = await seedSite(sql);
    const merge = (s: typeof store, key: string) =>
      s.unit(async (tx) => {
        const row = await tx.visitors.profileForUpdate(siteId, visitorId);
        const attributes = { ...(JSON.parse(row!.attributes) as Record<string, unknown>), [key]: true };
        await tx.visitors.setProfile(visitorId, { attributes: JSON.stringify(attributes) });
      });
    await Promise.all(['a', 'b', 'c', 'd', 'e', 'f'].map((k, i) => merge(i % 2 ? peer : store, k)));
    expect(Object.keys(JSON.parse((await store.read.visitors.profile(siteId, visitorId))!.attributes) as object).sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('records tracked events once, keeps the newest, lists them newest first', async () => {
    const { store, sql } = ctx();
    const { siteId, visitorId } = await seedSite(sql);
    const track = (id: string, at: number) => store.unit((tx) => tx.visitors.recordEvent(siteId, visitorId, { id, name: `ev-${id}`, props: { n: at }, at }, 100, 3));
    expect(await track('e1', 1)).toBe(true);
    expect(await track('e1', 1)).toBe(false);
    for (const [id, at] of [['e2', 2], ['e3', 3], ['e4', 4]] as const) await track(id, at);
    expect(await store.read.visitors.events(visitorId, 10)).toEqual([
      { id: 'e4', name: 'ev-e4', props: { n: 4 }, at: 4 },
      { id: 'e3', name: 'ev-e3', props: { n: 3 }, at: 3 },
      { id: 'e2', name: 'ev-e2', props: { n: 2 }, at: 2 },
    ]);
    expect((await store.read.visitors.events(visitorId, 1)).map((e) => e.id)).toEqual(['e4']);
    await sql.all("update visitor_events set props = 'bad' where event_id = 'e4'");
    expect((await store.read.visitors.events(visitorId, 1))[0]!.props).toEqual({});
  });

  it('records page views as the current page, lists the newest first, and summarises the visitor', async () => {
    const { store, sql } = ctx();
    const { siteId, visitorId } = await seedSite(sql);
    const other = await seedSite(sql, 'b');
    await store.unit(async (tx) => {
      await tx.visitors.recordPageView(siteId, visitorId, { url: 'https://shop.test/a', title: 'A', referrer: null }, 10);
      await tx.visitors.recordPageView(siteId, visitorId, { url: 'https://shop.test/b', title: 'B', referrer: 'https://shop.test/a' }, 10);
      await tx.visitors.recordPageView(siteId, visitorId, { url: 'https://shop.test/c', title: 'C', referrer: null }, 5);
    });
    expect(await store.read.visitors.recentPageViews(visitorId, 2)).toEqual([
      { url: 'https://shop.test/b', title: 'B', referrer: 'https://shop.test/a', viewedAt: 10 },
      { url: 'https://shop.test/a', title: 'A', referrer: null, viewedAt: 10 },
    ]);
    expect(await sql.one('select current_url, current_title, last_seen_at from visitors where id = ?', [visitorId])).toEqual({ current_url: 'https://shop.test/c', current_title: 'C', last_seen_at: 5 });
    // Another site's visitor id: the view is kept with its site, the visitor row is not touched.
    await store.unit((tx) => tx.visitors.recordPageView(other.siteId, visitorId, { url: 'https://x.test/', title: 'X', referrer: null }, 20));
    expect(await sql.value('select current_url from visitors where id = ?', [visitorId])).toBe('https://shop.test/c');
    expect(await store.read.visitors.summary(visitorId)).toEqual({ id: visitorId, siteId, name: null, email: null, userAgent: null, createdAt: 0, lastSeenAt: 5 });
    expect(await store.read.visitors.summary('nobody' as VisitorId)).toBeNull();
  });

  it('lists the visitor’s other conversations, newest first', async () => {
    const { store, sql } = ctx();
    const { siteId, visitorId } = await seedSite(sql);
    for (const [id, at] of [['c1', 10], ['c2', 30], ['c3', 20]] as const) {
      await seedConversation(sql, siteId, visitorId, id, 'closed');
      await sql.all("update conversations set created_at = ?, last_message_body = 'last' where id = ?", [at, id]);
    }
    expect(await store.read.visitors.pastConversations(visitorId, 'c3' as ConversationId, 5)).toEqual([
      { id: 'c2', status: 'closed', createdAt: 30, lastMessage: 'last' },
      { id: 'c1', status: 'closed', createdAt: 10, lastMessage: 'last' },
    ]);
  });
});
