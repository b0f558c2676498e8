import { expect, it } from 'vitest';
import { SNIPPET_CLOSE, SNIPPET_OPEN, type ConversationId, type SiteId } from '@hearth/protocol';
import type { TestSql } from '../../../test/test-db.ts';
import { describeEngines } from './engines.ts';
import { seedConversation, seedEvent, seedMessage, seedSite } from './fixtures.ts';

/** One conversation per body, in site `siteId`, created at `at + i`; returns the ids in order. */
async function conversationsWith(sql: TestSql, siteId: SiteId, bodies: string[], prefix: string, at = 1000): Promise<ConversationId[]> {
  const ids: ConversationId[] = [];
  for (const [i, body] of bodies.entries()) {
    const visitor = `${prefix}-v${i}`;
    await sql.all('insert into visitors (id, site_id, name, created_at, last_seen_at) values (?, ?, ?, 0, 0)', [visitor, siteId, `Visitor ${i}`]);
    const id = await seedConversation(sql, siteId, visitor as never, `${prefix}${i}`);
    await sql.all('update conversations set created_at = ?, last_message_body = ? where id = ?', [at + i, 'On it.', id]);
    await seedMessage(sql, { conversationId: id, siteId, seq: 1, authorType: 'visitor', authorId: visitor, body, at: at + i });
    await seedMessage(sql, { conversationId: id, siteId, seq: 2, authorType: 'agent', authorId: 'agent-a', body: 'On it.', at: at + i + 1 });
    ids.push(id);
  }
  return ids;
}

/** The stored snippet with its match in [ and ], as the CSV shows it. */
const bracketed = (snippet: string) => snippet.replaceAll(SNIPPET_OPEN, '[').replaceAll(SNIPPET_CLOSE, ']');

/** Transcript search: the same inputs find the same conversations, with the same snippets, on both engines. */
describeEngines('TranscriptStore search', (ctx) => {
  const bodies = [
    'Is the cedar candle in stock?',
    'Where is my order #1234? (urgent)',
    'Mein Café in Zürich hat zu',
    'Please write to bob@example.com about it',
    'See https://shop.example/products/42 for details',
    'CEDAR Candle, the big one',
    'candle cedar reversed',
  ];

  it('finds a phrase: words in order, any case and accent, punctuation splitting words', async () => {
    const { store, sql } = ctx();
    const { siteId } = await seedSite(sql);
    const ids = await conversationsWith(sql, siteId, bodies, 'c');
    const find = async (q: string) => (await store.read.transcripts.search([siteId], { q })).map((h) => [ids.indexOf(h.conversationId), bracketed(h.snippet)]);
    expect(await find('cedar candle')).toEqual([
      [5, '[CEDAR Candle], the big one'],
      [0, 'Is the [cedar candle] in stock?'],
    ]);
    expect(await find('cafe in zurich')).toEqual([[2, 'Mein [Café in Zürich] hat zu']]);
    expect(await find('CAFÉ')).toEqual([[2, 'Mein [Café] in Zürich hat zu']]);
    expect(await find('example com')).toEqual([[3, 'Please write to bob@[example.com] about it']]);
    expect(await find('bob')).toEqual([[3, 'Please write to [bob]@example.com about it']]);
    expect(await find('products 42')).toEqual([[4, 'See https://shop.example/[products/42] for details']]);
    expect(await find('#1234? (urgent)')).toEqual([[1, 'Where is my order #[1234? (urgent])']]);
    expect(await find('1234 urgent')).toEqual([[1, 'Where is my order #[1234? (urgent])']]);
    expect(await find('candle cedar')).toEqual([[6, '[candle cedar] reversed']]);
    // A word's beginning is a substring of it (issue 16 item 6: substrings, not only whole words).
    expect(await find('cand')).toEqual([
      [6, '[cand]le cedar reversed'],
      [5, 'CEDAR [Cand]le, the big one'],
      [0, 'Is the cedar [cand]le in stock?'],
    ]);
    expect(await find('zzz')).toEqual([]);
  });

  it('finds substrings in text without spaces and folds ß and ligatures, per script (issue 16 item 6)', async () => {
    const { store, sql } = ctx();
    const { siteId } = await seedSite(sql);
    const scripts = [
      'いちにさん', // Japanese (hiragana)
      '我想退货谢谢', // Chinese
      'สวัสดีครับ ขอบคุณมากครับ', // Thai
      '안녕하세요 반갑습니다', // Korean
      'Welche Größe hat der Tisch?', // German ß
      'Die STRASSE ist lang', // ss finds ß's fold
      'The oﬃce opens at ﬁve', // ligatures ﬃ, ﬁ
      'Привет, где мой заказ?', // Cyrillic
      'שלום, איפה ההזמנה שלי?', // Hebrew
    ];
    const ids = await conversationsWith(sql, siteId, scripts, 's');
    const find = async (q: string) => (await store.read.transcripts.search([siteId], { q })).map((h) => [ids.indexOf(h.conversationId), bracketed(h.snippet)]);
    expect(await find('いち')).toEqual([[0, '[いち]にさん']]);
    expect(await find('にさ')).toEqual([[0, 'いち[にさ]ん']]);
    expect(await find('退货')).toEqual([[1, '我想[退货]谢谢']]);
    expect(await find('ขอบคุณ')).toEqual([[2, 'สวัสดีครับ [ขอบคุณ]มากครับ']]);
    expect(await find('하세')).toEqual([[3, '안녕[하세]요 반갑습니다']]);
    expect(await find('Grosse')).toEqual([[4, 'Welche [Größe] hat der Tisch?']]);
    expect(await find('straße')).toEqual([[5, 'Die [STRASSE] ist lang']]);
    expect(await find('office')).toEqual([[6, 'The [oﬃce] opens at ﬁve']]);
    expect(await find('FIVE')).toEqual([[6, 'The oﬃce opens at [ﬁve]']]);
    expect(await find('заказ')).toEqual([[7, 'Привет, где мой [заказ]?']]);
    expect(await find('ההזמנה')).toEqual([[8, 'שלום, איפה [ההזמנה] שלי?']]);
    // LIKE's wildcards are text: "%" and "_" match only themselves.
    expect(await find('い%さ')).toEqual([]);
    expect(await find('い_に')).toEqual([]);
  });

  it('finds the visitor by name or email, folded; pages and sorts by closing time; filters by label', async () => {
    const { store, sql } = ctx();
    const { siteId } = await seedSite(sql);
    const ids = await conversationsWith(sql, siteId, ['one', 'two', 'three'], 'p', 7000);
    await sql.all("update visitors set name = 'Åsa Öberg', email = 'asa.oberg@example.se' where id = 'p-v1'");
    const find = async (q: string) => (await store.read.transcripts.search([siteId], { q })).map((h) => ids.indexOf(h.conversationId));
    expect(await find('asa oberg')).toEqual([1]);
    expect(await find('OBERG@EXAMPLE')).toEqual([1]);
    await sql.all("update conversations set status = 'closed', closed_at = 9000 where id = ?", [ids[0]]);
    await sql.all("update conversations set status = 'closed', closed_at = 8000 where id = ?", [ids[2]]);
    const closed = async (offset: number) =>
      (await store.read.transcripts.search([siteId], { status: 'closed', sort: 'closed', offset })).map((h) => ids.indexOf(h.conversationId));
    expect(await closed(0)).toEqual([0, 2]);
    expect(await closed(1)).toEqual([2]);
    expect(await closed(2)).toEqual([]);
    await sql.all("insert into labels (id, site_id, name, color, created_at) values ('lab-1', ?, 'Returns', '#0f766e', 0)", [siteId]);
    await sql.all("insert into conversation_labels (conversation_id, label_id, created_at) values (?, 'lab-1', 0)", [ids[2]]);
    expect((await store.read.transcripts.search([siteId], { labelId: 'lab-1' })).map((h) => ids.indexOf(h.conversationId))).toEqual([2]);
  });

  it('treats query syntax as text and finds nothing for input without a letter or digit', async () => {
    const { store, sql } = ctx();
    const { siteId } = await seedSite(sql);
    await conversationsWith(sql, siteId, bodies, 'c');
    for (const q of ['"', '*', '(urgent', 'NEAR(order', 'a:b', '-', 'AND OR NOT', "'; drop table messages; --", '!', '<->', 'cedar & candle | x']) {
      await expect(store.read.transcripts.search([siteId], { q })).resolves.toBeInstanceOf(Array);
    }
    expect(await store.read.transcripts.search([siteId], { q: '"*(:)"' })).toEqual([]);
    expect((await store.read.transcripts.search([siteId], { q: 'cedar & candle' })).length).toBe(2);
    expect(await sql.value('select count(*) from messages')).toBe(bodies.length * 2);
  });

  it('searches the given sites only, and nothing for none', async () => {
    const { store, sql } = ctx();
    const a = await seedSite(sql, 'a');
    const b = await seedSite(sql, 'b');
    const inA = await conversationsWith(sql, a.siteId, ['cedar candle here'], 'a');
    const inB = await conversationsWith(sql, b.siteId, ['cedar candle there'], 'b', 2000);
    expect((await store.read.transcripts.search([a.siteId], { q: 'cedar' })).map((h) => h.conversationId)).toEqual(inA);
    expect((await store.read.transcripts.search([a.siteId, b.siteId], { q: 'cedar' })).map((h) => h.conversationId)).toEqual([...inB, ...inA]);
    expect(await store.read.transcripts.search([], { q: 'cedar' })).toEqual([]);
  });

  it('filters by status, rating, agent, dates and trigger, newest first, and shows the last message without a query', async () => {
    const { store, sql } = ctx();
    const { siteId, agentId } = await seedSite(sql);
    const ids = await conversationsWith(sql, siteId, ['first', 'second', 'third'], 'c', 5000);
    await sql.all("update conversations set status = 'closed', closed_at = 6000, assigned_agent_id = ? where id = ?", [agentId, ids[1]]);
    await sql.all("insert into csat_ratings (conversation_id, site_id, visitor_id, agent_id, score, created_at, updated_at) values (?, ?, 'c-v1', ?, 2, 0, 0)", [ids[1], siteId, agentId]);
    await seedEvent(sql, { conversationId: ids[2]!, siteId, type: 'conversation.started', data: { triggerName: 'pricing' }, at: 5002 });
    const search = async (f: Parameters<typeof store.read.transcripts.search>[1]) => (await store.read.transcripts.search([siteId], f)).map((h) => ids.indexOf(h.conversationId));
    expect(await search({})).toEqual([2, 1, 0]);
    expect(await search({ status: 'closed' })).toEqual([1]);
    expect(await search({ status: 'open' })).toEqual([2, 0]);
    expect(await search({ rating: 2 })).toEqual([1]);
    expect(await search({ rating: 5 })).toEqual([]);
    expect(await search({ agentId })).toEqual([1]);
    expect(await search({ from: 5001 })).toEqual([2, 1]);
    expect(await search({ from: 5000, to: 5002 })).toEqual([1, 0]);
    expect(await search({ trigger: 'pricing' })).toEqual([2]);
    const [hit] = await store.read.transcripts.search([siteId], { status: 'closed' });
    expect(hit).toEqual({
      conversationId: ids[1],
      siteId,
      visitorName: 'Visitor 1',
      status: 'closed',
      agentName: 'Agent a',
      rating: 2,
      trigger: null,
      createdAt: 5001,
      closedAt: 6000,
      snippet: 'On it.',
    });
    expect((await store.read.transcripts.search([siteId], { trigger: 'pricing' }))[0]!.trigger).toBe('pricing');
  });
});

describeEngines('TranscriptStore transcript', (ctx) => {
  it('gives a conversation’s messages by seq and its events in order, data parsed', async () => {
    const { store, sql } = ctx();
    const { siteId, visitorId } = await seedSite(sql);
    const c = await seedConversation(sql, siteId, visitorId, 'c1');
    await seedMessage(sql, { conversationId: c, siteId, seq: 2, authorType: 'agent', body: 'second', at: 20 });
    await seedMessage(sql, { conversationId: c, siteId, seq: 1, authorType: 'visitor', body: 'first', at: 10 });
    expect(await store.read.transcripts.messagesOf(c)).toEqual([
      { at: 10, authorType: 'visitor', authorName: null, body: 'first' },
      { at: 20, authorType: 'agent', authorName: null, body: 'second' },
    ]);
    await seedEvent(sql, { conversationId: c, siteId, type: 'conversation.started', data: { triggerName: 'x' }, at: 1 });
    await sql.all("insert into conversation_events (conversation_id, site_id, type, actor_type, data, created_at) values (?, ?, 'odd', 'agent', 'not json', 2)", [c, siteId]);
    expect(await store.read.transcripts.eventsOf(c)).toEqual([
      { type: 'conversation.started', actorType: 'system', actorId: null, data: { triggerName: 'x' }, createdAt: 1 },
      { type: 'odd', actorType: 'agent', actorId: null, data: {}, createdAt: 2 },
    ]);
  });
});
