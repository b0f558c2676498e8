import { expect, it } from 'vitest';
import type { AgentId, SiteId } from '@hearth/protocol';
import type { AddNote } from '../../notes/note.store.ts';
import { describeEngines } from './engines.ts';
import { seedConversation, seedSite } from './fixtures.ts';

describeEngines('NoteStore', (ctx) => {
  const note = (siteIds: SiteId[], conversationId: string, clientId: string, body = 'note', now = 10): AddNote => ({
    agentId: 'agent-a' as AgentId,
    agentName: 'Agent A',
    siteIds,
    conversationId: conversationId as never,
    clientId,
    body,
    now,
  });

  it('adds notes and lists a conversation’s notes oldest first', async () => {
    const { store, sql } = ctx();
    const { siteId, visitorId } = await seedSite(sql);
    await seedConversation(sql, siteId, visitorId, 'c1');
    const second = await store.unit((tx) => tx.notes.add(note([siteId], 'c1', 'n2', 'second', 20)));
    const first = await store.unit((tx) => tx.notes.add(note([siteId], 'c1', 'n1', 'first', 10)));
    expect(first).toMatchObject({ ok: true, siteId, duplicate: false, note: { conversationId: 'c1', clientId: 'n1', authorId: 'agent-a', authorName: 'Agent A', body: 'first', createdAt: 10 } });
    expect(second).toMatchObject({ ok: true });
    expect((await store.read.notes.listOf('c1' as never)).map((n) => n.body)).toEqual(['first', 'second']);
  });

  it('answers a resend with the stored note, and refuses the same client id on another conversation', async () => {
    const { store, sql } = ctx();
    const { siteId, visitorId } = await seedSite(sql);
    await seedConversation(sql, siteId, visitorId, 'c1', 'closed');
    await seedConversation(sql, siteId, visitorId, 'c2');
    const stored = await store.unit((tx) => tx.notes.add(note([siteId], 'c1', 'n1', 'original')));
    const resent = await store.unit((tx) => tx.notes.add(note([siteId], 'c1', 'n1', 'edited on the way', 99)));
    expect(resent).toEqual({ ok: true, note: stored.ok ? stored.note : null, siteId, duplicate: true });
    expect(await store.unit((tx) => tx.notes.add(note([siteId], 'c2', 'n1')))).toEqual({ ok: false });
    expect(await sql.value('select count(*) from conversation_notes')).toBe(1);
  });

  it('refuses a conversation outside the agent’s sites', async () => {
    const { store, sql } = ctx();
    const a = await seedSite(sql, 'a');
    const b = await seedSite(sql, 'b');
    await seedConversation(sql, b.siteId, b.visitorId, 'cb');
    expect(await store.unit((tx) => tx.notes.add(note([a.siteId], 'cb', 'n1')))).toEqual({ ok: false });
    expect(await store.unit((tx) => tx.notes.add(note([], 'cb', 'n1')))).toEqual({ ok: false });
    expect(await store.unit((tx) => tx.notes.add(note([a.siteId], 'missing', 'n1')))).toEqual({ ok: false });
    expect(await sql.value('select count(*) from conversation_notes')).toBe(0);
  });

  it('stores a note once when the same client id arrives on two nodes at once', async () => {
    const { store, sql } = ctx();
    const peer = await ctx().peer();
    const { siteId, visitorId } = await seedSite(sql);
    await seedConversation(sql, siteId, visitorId, 'c1');
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => (i % 2 ? peer : store).unit((tx) => tx.notes.add(note([siteId], 'c1', 'same')))));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.filter((r) => r.ok && !r.duplicate)).toHaveLength(1);
    expect(new Set(results.map((r) => (r.ok ? r.note.id : null))).size).toBe(1);
    expect(await sql.value('select count(*) from conversation_notes')).toBe(1);
  });
});
