import { afterEach, expect, it, describe } from 'vitest';
import type { SiteId } from '@hearth/protocol';
import { buildReport } from '../../reports/report-build.ts';
import type { TestSql } from '../../../test/test-db.ts';
import { describeEngines, openEngine } from './engines.ts';
import { seedAgent, seedConversation, seedEvent, seedMessage, seedSite } from './fixtures.ts';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 10, 2, 9); // a Monday, 09:00 UTC

describeEngines('ReportStore', (ctx) => {
  it('computes first response, response, resolution, FCR, missed and ratings per dimension', async () => {
    const { store, sql } = ctx();
    const { siteId, visitorId, agentId } = await seedSite(sql);
    const a2 = await seedAgent(sql, siteId, 'a2');
    // c1: visitor at T0, agent replies after 60 s, visitor again, agent after 30 s; closed at +1 h by one agent.
    await seedConversation(sql, siteId, visitorId, 'c1', 'closed');
    await sql.all('update conversations set created_at = ?, closed_at = ?, assigned_agent_id = ? where id = ?', [T0, T0 + HOUR, agentId, 'c1']);
    await seedEvent(sql, { conversationId: 'c1', siteId, type: 'conversation.started', data: { triggerName: 'Exit' }, at: T0 });
    await sql.all("insert into page_views (site_id, visitor_id, url, title, viewed_at) values (?, ?, 'https://shop.test/cart', 'Cart', ?)", [siteId, visitorId, T0 - 1000]);
    for (const [seq, t, at] of [[1, 'visitor', 0], [2, 'agent', 60_000], [3, 'visitor', 100_000], [4, 'visitor', 110_000], [5, 'agent', 130_000]] as const) {
      await seedMessage(sql, { conversationId: 'c1', siteId, seq, authorType: t, authorId: t === 'agent' ? agentId : visitorId, body: 'x', at: T0 + at });
    }
    await sql.all('insert into csat_ratings (conversation_id, site_id, visitor_id, agent_id, score, ces, created_at, updated_at) values (?, ?, ?, ?, 5, 2, 0, 0)', ['c1', siteId, visitorId, agentId]);
    // c2: the visitor wrote, nobody answered, closed: missed. A second visitor so both may be open.
    await sql.all("insert into visitors (id, site_id, created_at, last_seen_at) values ('v2', ?, 0, 0)", [siteId]);
    await seedConversation(sql, siteId, 'v2' as never, 'c2', 'closed');
    await sql.all('update conversations set created_at = ?, closed_at = ? where id = ?', [T0 + 2 * HOUR, T0 + 3 * HOUR, 'c2']);
    await seedMessage(sql, { conversationId: 'c2', siteId, seq: 1, authorType: 'visitor', body: 'hello?', at: T0 + 2 * HOUR });
    // c3: reopened, two agents answered: eligible for FCR, not resolved at first contact; FRT 10 s.
    await sql.all("insert into visitors (id, site_id, created_at, last_seen_at) values ('v3', ?, 0, 0)", [siteId]);
    await seedConversation(sql, siteId, 'v3' as never, 'c3', 'closed');
    await sql.all('update conversations set created_at = ?, closed_at = ?, assigned_agent_id = ? where id = ?', [T0 + 25 * HOUR, T0 + 26 * HOUR, a2, 'c3']);
    await seedEvent(sql, { conversationId: 'c3', siteId, type: 'conversation.reopened', at: T0 + 25 * HOUR });
    for (const [seq, t, who, at] of [[1, 'visitor', 'v3', 0], [2, 'agent', a2, 10_000], [3, 'agent', agentId, 20_000]] as const) {
      await seedMessage(sql, { conversationId: 'c3', siteId, seq, authorType: t, authorId: who, body: 'x', at: T0 + 25 * HOUR + at });
    }
    await sql.all('insert into csat_ratings (conversation_id, site_id, visitor_id, agent_id, score, ces, created_at, updated_at) values (?, ?, ?, ?, 2, null, 0, 0)', ['c3', siteId, 'v3', a2]);

    const scope = { siteIds: [siteId], from: T0 - HOUR, to: T0 + 48 * HOUR };
    const rows = await store.read.reports.conversationMetrics(scope);
    const overall = rows.find((r) => r.dim === 'overall')!;
    expect(overall).toEqual({
      dim: 'overall',
      k: 'all',
      conversations: 3,
      frtMedian: 10_000,
      frtP90: 60_000,
      avgResponse: (60_000 + 30_000 + 10_000) / 3,
      avgResolution: HOUR,
      fcrEligible: 2,
      fcrResolved: 1,
      missed: 1,
    });
    expect(rows.filter((r) => r.dim === 'trigger').map((r) => [r.k, r.conversations]).sort()).toEqual([['', 2], ['Exit', 1]]);
    expect(rows.filter((r) => r.dim === 'page').map((r) => [r.k, r.conversations]).sort()).toEqual([['', 2], ['https://shop.test/cart', 1]]);
    const ratings = await store.read.reports.ratingMetrics(scope);
    expect(ratings.find((r) => r.dim === 'overall')).toEqual({ dim: 'overall', k: 'all', ratings: 2, satisfied: 1, s1: 0, s2: 1, s3: 0, s4: 0, s5: 1, cesAverage: 2 });
    expect(ratings.filter((r) => r.dim === 'agent').map((r) => [r.k, r.ratings]).sort()).toEqual([[agentId, 1], [a2, 1]].sort());
    expect(await store.read.reports.volumeByDay(scope)).toEqual([
      { day: '2026-11-02', count: 2 },
      { day: '2026-11-03', count: 1 },
    ]);
    expect(await store.read.reports.volumeByHourOfWeek(scope)).toEqual([
      { weekday: 1, hour: 9, count: 1 },
      { weekday: 1, hour: 11, count: 1 },
      { weekday: 2, hour: 10, count: 1 },
    ]);
    expect(await store.read.reports.conversationMetrics({ ...scope, siteIds: [] })).toEqual([]);
  });
});

/** A deterministic pseudo-random dataset (mulberry32), written the same way into each engine. */
async function seedRandomSite(sql: TestSql, seed: number): Promise<SiteId> {
  let s = seed;
  const rnd = () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const { siteId } = await seedSite(sql, 'r');
  const agents = ['agent-r', await seedAgent(sql, siteId, 'r2'), await seedAgent(sql, siteId, 'r3')];
  for (let c = 0; c < 60; c++) {
    const visitor = `rv${c}`;
    const start = T0 + Math.floor(rnd() * 10 * 24 * HOUR);
    await sql.all('insert into visitors (id, site_id, created_at, last_seen_at) values (?, ?, 0, 0)', [visitor, siteId]);
    if (rnd() < 0.6) await sql.all('insert into page_views (site_id, visitor_id, url, title, viewed_at) values (?, ?, ?, ?, ?)', [siteId, visitor, pick(['/a', '/b', '/c']), 't', start - 500]);
    const closed = rnd() < 0.7;
    const agent = rnd() < 0.8 ? pick(agents) : null;
    await sql.all('insert into conversations (id, site_id, visitor_id, status, assigned_agent_id, created_at, updated_at, closed_at) values (?, ?, ?, ?, ?, ?, ?, ?)', [
      `rc${c}`, siteId, visitor, closed ? 'closed' : 'open', agent, start, start, closed ? start + Math.floor(rnd() * 5 * HOUR) : null,
    ]);
    if (rnd() < 0.4) await seedEvent(sql, { conversationId: `rc${c}`, siteId, type: 'conversation.started', data: { triggerName: pick(['Exit', 'Cart']) }, at: start });
    if (rnd() < 0.15) await seedEvent(sql, { conversationId: `rc${c}`, siteId, type: 'conversation.reopened', at: start + 1 });
    let at = start;
    const n = Math.floor(rnd() * 8);
    for (let seq = 1; seq <= n; seq++) {
      at += Math.floor(rnd() * 90_000);
      const type = rnd() < 0.55 ? 'visitor' : 'agent';
      await seedMessage(sql, { conversationId: `rc${c}`, siteId, seq, authorType: type, authorId: type === 'agent' ? pick(agents) : visitor, body: 'x', at });
    }
    if (closed && rnd() < 0.5) {
      await sql.all('insert into csat_ratings (conversation_id, site_id, visitor_id, agent_id, score, ces, created_at, updated_at) values (?, ?, ?, ?, ?, ?, 0, 0)', [
        `rc${c}`, siteId, visitor, agent, 1 + Math.floor(rnd() * 5), rnd() < 0.5 ? 1 + Math.floor(rnd() * 5) : null,
      ]);
    }
  }
  return siteId;
}

describe('reports give the same figures on both engines', () => {
  const closers: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
  });
  it.each([1, 2, 3])('random site %i', async (seed) => {
    const reports = [];
    for (const engine of ['sqlite', 'pg'] as const) {
      const e = await openEngine(engine);
      closers.push(e.close);
      const siteId = await seedRandomSite(e.sql, seed);
      reports.push(await buildReport(e.store.read, { siteIds: [siteId], from: T0, to: T0 + 8 * 24 * HOUR }));
    }
    expect(reports[1]).toEqual(reports[0]);
    expect(reports[0]!.overall.conversations).toBeGreaterThan(20);
  });
});
