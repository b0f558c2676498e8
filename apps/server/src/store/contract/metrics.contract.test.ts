import { expect, it } from 'vitest';
import { describeEngines } from './engines.ts';
import { seedConversation, seedSite } from './fixtures.ts';

describeEngines('MetricsStore', (ctx) => {
  it('counts open conversations no agent holds, over every site', async () => {
    const { store, sql } = ctx();
    expect(await store.read.metrics.waitingConversations()).toBe(0);
    const a = await seedSite(sql, 'a');
    const b = await seedSite(sql, 'b');
    await seedConversation(sql, a.siteId, a.visitorId, 'waiting-a');
    await seedConversation(sql, b.siteId, b.visitorId, 'waiting-b');
    await seedConversation(sql, a.siteId, a.visitorId, 'closed-a', 'closed');
    expect(await store.read.metrics.waitingConversations()).toBe(2);
    await sql.all('update conversations set assigned_agent_id = ? where id = ?', [a.agentId, 'waiting-a']);
    expect(await store.read.metrics.waitingConversations()).toBe(1);
  });
});
