import { expect, it } from 'vitest';
import type { VisitorId } from '@hearth/protocol';
import { describeEngines } from './engines.ts';
import { seedAgent, seedConversation, seedEvent, seedMessage, seedSite } from './fixtures.ts';

describeEngines('DataCareStore', (ctx) => {
  async function visitorWithHistory(sql: Parameters<typeof seedSite>[0]) {
    const site = await seedSite(sql);
    const other = await seedSite(sql, 'b');
    for (const id of ['c1', 'c2']) {
      await seedConversation(sql, site.siteId, site.visitorId, id, 'closed');
      await seedMessage(sql, { conversationId: id, siteId: site.siteId, seq: 1, authorType: 'visitor', authorId: site.visitorId, body: `hi ${id}`, at: 1 });
      await seedMessage(sql, { conversationId: id, siteId: site.siteId, seq: 2, authorType: 'agent', authorId: site.agentId, body: 'hello', at: 2 });
      await seedEvent(sql, { conversationId: id, siteId: site.siteId, type: 'conversation.closed', at: 3 });
    }
    await sql.all("insert into page_views (site_id, visitor_id, url, title, viewed_at) values (?, ?, '/p', 'P', 5)", [site.siteId, site.visitorId]);
    await seedConversation(sql, other.siteId, other.visitorId, 'keep');
    return { ...site, other };
  }

  it('tells the visitor’s site to its owners only', async () => {
    const { store, sql } = ctx();
    const { siteId, visitorId, agentId, other } = await visitorWithHistory(sql);
    const owner = await seedAgent(sql, siteId, 'own', 'owner');
    expect(await store.read.dataCare.siteOwnedBy(owner, visitorId)).toBe(siteId);
    expect(await store.read.dataCare.siteOwnedBy(agentId, visitorId)).toBeNull();
    expect(await store.read.dataCare.siteOwnedBy(owner, other.visitorId)).toBeNull();
    expect(await store.read.dataCare.siteOwnedBy(owner, 'unknown' as VisitorId)).toBeNull();
  });

  it('exports every row about the visitor, messages by conversation and seq', async () => {
    const { store, sql } = ctx();
    const { visitorId } = await visitorWithHistory(sql);
    const data = await store.read.dataCare.exportVisitor(visitorId);
    expect(data.visitor).toMatchObject({ id: visitorId, siteId: 'site-a', attributes: '{}' });
    expect(data.conversations.map((c) => c.id).sort()).toEqual(['c1', 'c2']);
    expect(data.messages.map((m) => [m.conversationId, m.seq])).toEqual([['c1', 1], ['c1', 2], ['c2', 1], ['c2', 2]]);
    expect(data.events).toHaveLength(2);
    expect(data.pageViews).toEqual([expect.objectContaining({ url: '/p', viewedAt: 5 })]);
    expect(await store.read.dataCare.exportVisitor('unknown' as VisitorId)).toEqual({ visitor: null, conversations: [], messages: [], events: [], pageViews: [] });
  });

  it('erases the visitor and everything about them, all or nothing, leaving others alone', async () => {
    const { store, sql } = ctx();
    const { visitorId } = await visitorWithHistory(sql);
    await expect(
      store.unit(async (tx) => {
        await tx.dataCare.eraseVisitor(visitorId);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow();
    expect(await sql.value('select count(*) from messages')).toBe(4);
    expect(await store.unit((tx) => tx.dataCare.eraseVisitor(visitorId))).toEqual({ messages: 4, conversations: 2 });
    for (const table of ['messages', 'conversation_events', 'page_views']) expect(await sql.value(`select count(*) from ${table}`), table).toBe(0);
    expect(await sql.all('select id from conversations')).toEqual([{ id: 'keep' }]);
    expect(await sql.value('select count(*) from visitors where id = ?', [visitorId])).toBe(0);
  });
});
