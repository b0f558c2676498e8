import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TranscriptSearchHit } from '@hearth/protocol';
import { ask, startServer, type Harness } from './harness.ts';

let h: Harness;
beforeEach(async () => {
  h = await startServer();
});
afterEach(async () => {
  await h.close();
});

async function get(path: string, cookie: string | null) {
  const res = await fetch(h.url + path, { headers: cookie ? { cookie } : {} });
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
}
const search = async (cookie: string, query: string) => {
  const res = await get(`/api/transcripts/search?${query}`, cookie);
  expect(res.status, res.text).toBe(200);
  return (JSON.parse(res.text) as { hits: TranscriptSearchHit[] }).hits;
};

/** One conversation per (site, text); the site's agent replies "On it." to each. */
async function seed() {
  const agentA = await h.agent();
  const agentB = await h.agent(h.siteB.agentEmail);
  const out: Record<string, string> = {};
  for (const [key, siteKey, text, agent] of [
    ['a1', h.siteA.siteKey, 'Is the cedar candle in stock?', agentA],
    ['a2', h.siteA.siteKey, 'Where is my order #1234? (urgent)', agentA],
    ['b1', h.siteB.siteKey, 'Cedar candle for site B', agentB],
  ] as const) {
    const v = await h.visitor(siteKey);
    const sent = await ask(v.socket, 'message:send', { clientId: crypto.randomUUID(), body: text });
    if (!sent.ok) throw new Error('send failed');
    const id = sent.data.conversation.id;
    await ask(agent.socket, 'message:send', { conversationId: id, clientId: crypto.randomUUID(), body: 'On it.' });
    out[key] = id;
    if (key === 'a2') {
      await ask(agent.socket, 'conversation:close', { conversationId: id });
      await ask(v.socket, 'csat:rate', { conversationId: id, score: 2 });
    }
  }
  return out;
}

describe('transcript search', () => {
  it('finds a phrase in the agent\'s sites only, with a highlighted snippet', async () => {
    const ids = await seed();
    const cookie = await h.login(h.siteA.agentEmail);
    const hits = await search(cookie, 'q=cedar%20candle');
    expect(hits.map((x) => x.conversationId)).toEqual([ids.a1]);
    expect(hits[0]).toMatchObject({ snippet: 'Is the cedar candle in stock?', highlight: [7, 19] });
    // Words in another order are not the phrase.
    expect(await search(cookie, 'q=candle%20cedar')).toEqual([]);
    // Asking for site B explicitly is refused, not silently emptied.
    const forbidden = await get(`/api/transcripts/search?q=cedar&siteId=${h.siteB.siteId}`, cookie);
    expect(forbidden.status).toBe(403);
    const cookieB = await h.login(h.siteB.agentEmail);
    expect((await search(cookieB, 'q=cedar')).map((x) => x.conversationId)).toEqual([ids.b1]);
  });

  it('filters by status, rating, agent, date range and trigger', async () => {
    const ids = await seed();
    const cookie = await h.login(h.siteA.ownerEmail);
    const agentId = (await h.sqlValue<string>('select id from agents where email = ?', [h.siteA.agentEmail]))!;
    expect((await search(cookie, 'status=closed')).map((x) => x.conversationId)).toEqual([ids.a2]);
    expect((await search(cookie, 'rating=2')).map((x) => ({ id: x.conversationId, rating: x.rating }))).toEqual([{ id: ids.a2, rating: 2 }]);
    expect(await search(cookie, 'rating=5')).toEqual([]);
    expect((await search(cookie, `agentId=${agentId}`)).length).toBe(2);
    expect((await search(cookie, `from=${Date.now() + 60_000}`)).length).toBe(0);
    expect((await search(cookie, `from=0&to=${Date.now() + 60_000}`)).length).toBe(2);
    await h.sql("update conversation_events set data = ? where type = 'conversation.started' and conversation_id = ?", [JSON.stringify({ triggerName: 'pricing' }), ids.a1]);
    expect((await search(cookie, 'trigger=pricing')).map((x) => ({ id: x.conversationId, trigger: x.trigger }))).toEqual([{ id: ids.a1, trigger: 'pricing' }]);
  });

  it('exports CSV; FTS syntax characters are searched safely as text; bad filters are 400; no cookie is 401', async () => {
    const ids = await seed();
    const cookie = await h.login(h.siteA.agentEmail);
    const csv = await get('/api/transcripts/search?q=order&format=csv', cookie);
    expect(csv.type).toContain('text/csv');
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('"conversation_id","site_id","visitor","status","agent","rating","trigger","started_at","closed_at","snippet"');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`"${ids.a2}"`);
    for (const nasty of ['"', '#1234?', 'order*', '(urgent)', 'NEAR(order', 'a:b', '-', 'AND OR NOT', "'; drop table messages; --"]) {
      const res = await get(`/api/transcripts/search?q=${encodeURIComponent(nasty)}`, cookie);
      expect(res.status, nasty).toBe(200);
    }
    expect((await search(cookie, `q=${encodeURIComponent('#1234? (urgent)')}`)).map((x) => x.conversationId)).toEqual([ids.a2]);
    expect(await h.count('messages')).toBe(6);
    expect((await get('/api/transcripts/search?rating=9', cookie)).status).toBe(400);
    expect((await get('/api/transcripts/search?status=lost', cookie)).status).toBe(400);
    expect((await get('/api/transcripts/search?q=x', null)).status).toBe(401);
  });
});
