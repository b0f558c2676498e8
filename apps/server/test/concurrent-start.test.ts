import { afterEach, describe, expect, it } from 'vitest';
import { ask, startServer, type Harness, type VisitorClient } from './harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('starting a conversation is race-free', () => {
  it('1,000 concurrent first messages from one visitor (10 tabs) open exactly one conversation', async () => {
    h = await startServer();
    const first = await h.visitor();
    const tabs: VisitorClient[] = [first.socket];
    for (let i = 1; i < 10; i++) tabs.push((await h.visitor(h.siteA.siteKey, first.session.token)).socket);
    const acks = await Promise.all(
      Array.from({ length: 1000 }, (_, i) => ask(tabs[i % tabs.length]!, 'message:send', { clientId: `start-${i}-xxxx`, body: `hello ${i}` })),
    );
    expect(acks.filter((a) => !a.ok)).toEqual([]);
    const conversationIds = new Set(acks.map((a) => (a.ok ? a.data.message.conversationId : null)));
    expect(conversationIds.size).toBe(1);
    expect(await h.sqlValue("select count(*) from conversations where visitor_id = ? and status = 'open'", [first.session.visitorId])).toBe(1);
    const seqs = acks.map((a) => (a.ok ? a.data.message.seq : 0)).sort((x, y) => x - y);
    expect(seqs).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
    expect(await h.sqlValue("select count(*) from conversation_events where type = 'conversation.started'")).toBe(1);
  });
});
