import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationId, Report, ReportGroup, SiteId, VisitorId } from '@hearth/protocol';
import { rate as rateConversation } from '../src/csat/csat.ts';
import { startServer, type Harness } from './harness.ts';

/**
 * A fixture with hand-computed expected values for every figure. Times are minutes from Monday
 * 2026-11-16 09:00 UTC. Edge cases: no reply (C2, missed), reopened (C3), transferred (C4: two
 * agents replied), rating changed (C3: 4 then 2), still open (C5), outside the range (C6), another
 * site (C7).
 */
const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 16, 9, 0);
const FROM = Date.UTC(2026, 10, 16);
const TO = Date.UTC(2026, 10, 19);

let h: Harness;
let agentA: string;
let ownerA: string;

beforeAll(async () => {
  h = await startServer();
  const idOf = async (email: string) => (await h.sqlValue<string>('select id from agents where email = ?', [email]))!;
  agentA = await idOf(h.siteA.agentEmail);
  ownerA = await idOf(h.siteA.ownerEmail);
  // The fixture's writes, in order: rows first as SQL, ratings through the store (a unit each).
  const steps: Array<() => Promise<unknown>> = [];
  const exec = (text: string, params: unknown[]) => void steps.push(() => h.sql(text, params));
  await h.app.store.unit((tx) => tx.sites.updateSettings(h.siteA.siteId as SiteId, { cesEnabled: true }));
  await h.app.store.unit((tx) => tx.sites.updateSettings(h.siteB.siteId as SiteId, { cesEnabled: true }));

  const conversation = (id: string, site: string, start: number, status: 'open' | 'closed', agent: string | null, closedAt: number | null, trigger?: string) => {
    exec('insert into visitors (id, site_id, created_at, last_seen_at) values (?, ?, ?, ?)', [`v-${id}`, site, start, start]);
    exec('insert into conversations (id, site_id, visitor_id, status, assigned_agent_id, created_at, updated_at, closed_at) values (?, ?, ?, ?, ?, ?, ?, ?)', [
      id,
      site,
      `v-${id}`,
      status,
      agent,
      start,
      start,
      closedAt,
    ]);
    exec("insert into conversation_events (conversation_id, site_id, type, actor_type, data, created_at) values (?, ?, 'conversation.started', 'visitor', ?, ?)", [
      id,
      site,
      JSON.stringify(trigger ? { triggerName: trigger } : {}),
      start,
    ]);
  };
  let n = 0;
  const message = (conversationId: string, site: string, seq: number, author: 'visitor' | 'agent', authorId: string, at: number) =>
    exec('insert into messages (id, conversation_id, site_id, seq, client_id, author_type, author_id, body, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)', [
      `m${++n}`,
      conversationId,
      site,
      seq,
      `client-${n}`,
      author,
      authorId,
      `message ${n}`,
      at,
    ]);
  const view = (visitor: string, url: string, at: number) =>
    exec('insert into page_views (site_id, visitor_id, url, title, viewed_at) values (?, ?, ?, ?, ?)', [h.siteA.siteId, visitor, url, 'Page', at]);
  const rate = (id: string, site: string, score: number, ces: number | null, now: number) =>
    void steps.push(() => h.app.store.unit((tx) => rateConversation(tx, { siteId: site as SiteId, visitorId: `v-${id}` as VisitorId, conversationId: id as ConversationId, score, ces, now })));
  const A = h.siteA.siteId;
  const B = h.siteB.siteId;

  // C1 Mon 09:00 — answered in 2 min, then 1 min; closed at +10; rated 5 (CES 2); visitor came from /candles.
  const c1 = T0;
  conversation('c1', A, c1, 'closed', agentA, c1 + 10 * MIN);
  view('v-c1', 'https://shop.test/candles', c1 - MIN);
  message('c1', A, 1, 'visitor', 'v-c1', c1);
  message('c1', A, 2, 'agent', agentA, c1 + 2 * MIN);
  message('c1', A, 3, 'visitor', 'v-c1', c1 + 3 * MIN);
  message('c1', A, 4, 'agent', agentA, c1 + 4 * MIN);
  rate('c1', A, 5, 2, c1 + 11 * MIN);

  // C2 Mon 10:00 — nobody answered; closed after inactivity at +30: missed.
  const c2 = T0 + 60 * MIN;
  conversation('c2', A, c2, 'closed', null, c2 + 30 * MIN);
  view('v-c2', 'https://shop.test/candles', c2 - MIN);
  message('c2', A, 1, 'visitor', 'v-c2', c2);

  // C3 Tue 09:00, trigger "pricing" — answered in 5 min, closed at +6, reopened at +8, answered at +9, closed at +20; rated 4, changed to 2 (no CES).
  const c3 = T0 + 24 * 60 * MIN;
  conversation('c3', A, c3, 'closed', agentA, c3 + 20 * MIN, 'pricing');
  message('c3', A, 1, 'visitor', 'v-c3', c3);
  message('c3', A, 2, 'agent', agentA, c3 + 5 * MIN);
  exec("insert into conversation_events (conversation_id, site_id, type, actor_type, created_at) values ('c3', ?, 'conversation.reopened', 'visitor', ?)", [A, c3 + 8 * MIN]);
  message('c3', A, 3, 'visitor', 'v-c3', c3 + 8 * MIN);
  message('c3', A, 4, 'agent', agentA, c3 + 9 * MIN);
  rate('c3', A, 4, null, c3 + 21 * MIN);
  rate('c3', A, 2, null, c3 + 22 * MIN);

  // C4 Tue 09:30, trigger "pricing" — Agent A answers in 1 min, the owner takes over (transfer) and answers the next turn in 3 min; closed at +15; rated 3 (CES 4), credited to the owner.
  const c4 = T0 + 24 * 60 * MIN + 30 * MIN;
  conversation('c4', A, c4, 'closed', ownerA, c4 + 15 * MIN, 'pricing');
  view('v-c4', 'https://shop.test/checkout', c4 - 2 * MIN);
  view('v-c4', 'https://shop.test/thanks', c4 + 5 * MIN);
  message('c4', A, 1, 'visitor', 'v-c4', c4);
  message('c4', A, 2, 'agent', agentA, c4 + MIN);
  message('c4', A, 3, 'agent', ownerA, c4 + 3 * MIN);
  message('c4', A, 4, 'visitor', 'v-c4', c4 + 4 * MIN);
  message('c4', A, 5, 'agent', ownerA, c4 + 7 * MIN);
  rate('c4', A, 3, 4, c4 + 16 * MIN);

  // C5 Wed 14:00 — still open, unanswered: not missed (yet), no resolution.
  const c5 = Date.UTC(2026, 10, 18, 14, 0);
  conversation('c5', A, c5, 'open', null, null);
  message('c5', A, 1, 'visitor', 'v-c5', c5);

  // C6 Sun 2026-11-15 — before the range; C7 — site B, in range. Both rated 1: must not count.
  for (const [id, site, start] of [['c6', A, Date.UTC(2026, 10, 15, 12)], ['c7', B, T0]] as const) {
    conversation(id, site, start, 'closed', null, start + 5 * MIN);
    message(id, site, 1, 'visitor', `v-${id}`, start);
    message(id, site, 2, 'agent', id === 'c6' ? agentA : 'x', start + MIN);
    rate(id, site, 1, 1, start + 6 * MIN);
  }
  for (const step of steps) await step();
});
afterAll(async () => {
  await h.close();
});

async function report(query: string, email = h.siteA.ownerEmail) {
  const cookie = await h.login(email);
  const res = await fetch(`${h.url}/api/reports?${query}`, { headers: { cookie } });
  return { status: res.status, text: await res.text(), type: res.headers.get('content-type') };
}
const byKey = (groups: ReportGroup[]) => Object.fromEntries(groups.map(({ key, label, ...m }) => [key, { label, ...m }]));

describe('reports on the fixture', () => {
  it('computes every figure overall', async () => {
    const res = await report(`from=${FROM}&to=${TO}`);
    expect(res.status, res.text).toBe(200);
    const r = JSON.parse(res.text) as Report;
    expect(r.overall).toEqual({
      conversations: 5,
      firstResponseMedianMs: 2 * MIN, // C4 1, C1 2, C3 5 → rank ceil(3/2) = 2
      firstResponseP90Ms: 5 * MIN, // rank ceil(0.9·3) = 3
      avgResponseMs: 130_000, // turns answered in 2, 1, 5, 1, 1, 3 min → 13 min / 6
      avgResolutionMs: 1_125_000, // (10 + 30 + 20 + 15) min / 4
      firstContactResolutionRate: 1 / 3, // C1 of C1, C3 (reopened), C4 (transferred)
      missed: 1, // C2
      ratings: 3,
      csatScore: 1 / 3, // 5 of 5, 2, 3
      csatDistribution: [0, 1, 1, 0, 1],
      cesAverage: 3, // (2 + 4) / 2; C3 gave none
    });
    expect(r.volumeByDay).toEqual([
      { day: '2026-11-16', count: 2 },
      { day: '2026-11-17', count: 2 },
      { day: '2026-11-18', count: 1 },
    ]);
    expect(r.volumeByHourOfWeek).toEqual([
      { weekday: 1, hour: 9, count: 1 },
      { weekday: 1, hour: 10, count: 1 },
      { weekday: 2, hour: 9, count: 2 },
      { weekday: 3, hour: 14, count: 1 },
    ]);
  });

  it('per agent: conversations by assignee at close, ratings by the agent credited', async () => {
    const r = JSON.parse((await report(`from=${FROM}&to=${TO}`)).text) as Report;
    expect(r.byAgent.map((g) => g.label)).toEqual(['Agent A', 'Unassigned', 'Owner A']);
    expect(byKey(r.byAgent)).toEqual({
      [agentA]: {
        label: 'Agent A',
        conversations: 2, // C1, C3
        firstResponseMedianMs: 2 * MIN,
        firstResponseP90Ms: 5 * MIN,
        avgResponseMs: 135_000, // 2, 1, 5, 1 min
        avgResolutionMs: 900_000, // (10 + 20) / 2 min
        firstContactResolutionRate: 0.5,
        missed: 0,
        ratings: 2,
        csatScore: 0.5,
        csatDistribution: [0, 1, 0, 0, 1],
        cesAverage: 2,
      },
      [ownerA]: {
        label: 'Owner A',
        conversations: 1, // C4
        firstResponseMedianMs: MIN,
        firstResponseP90Ms: MIN,
        avgResponseMs: 120_000, // 1, 3 min
        avgResolutionMs: 900_000,
        firstContactResolutionRate: 0,
        missed: 0,
        ratings: 1,
        csatScore: 0,
        csatDistribution: [0, 0, 1, 0, 0],
        cesAverage: 4,
      },
      '': {
        label: 'Unassigned',
        conversations: 2, // C2, C5
        firstResponseMedianMs: null,
        firstResponseP90Ms: null,
        avgResponseMs: null,
        avgResolutionMs: 1_800_000,
        firstContactResolutionRate: null,
        missed: 1,
        ratings: 0,
        csatScore: null,
        csatDistribution: [0, 0, 0, 0, 0],
        cesAverage: null,
      },
    });
  });

  it('per trigger and per page (the page the visitor was on when the conversation started)', async () => {
    const r = JSON.parse((await report(`from=${FROM}&to=${TO}`)).text) as Report;
    expect(byKey(r.byTrigger)).toEqual({
      pricing: {
        label: 'pricing',
        conversations: 2,
        firstResponseMedianMs: MIN,
        firstResponseP90Ms: 5 * MIN,
        avgResponseMs: 150_000, // 5, 1, 1, 3 min
        avgResolutionMs: 1_050_000, // (20 + 15) / 2 min
        firstContactResolutionRate: 0,
        missed: 0,
        ratings: 2,
        csatScore: 0,
        csatDistribution: [0, 1, 1, 0, 0],
        cesAverage: 4,
      },
      '': {
        label: '(no trigger)',
        conversations: 3,
        firstResponseMedianMs: 2 * MIN,
        firstResponseP90Ms: 2 * MIN,
        avgResponseMs: 90_000,
        avgResolutionMs: 1_200_000, // (10 + 30) / 2 min
        firstContactResolutionRate: 1,
        missed: 1,
        ratings: 1,
        csatScore: 1,
        csatDistribution: [0, 0, 0, 0, 1],
        cesAverage: 2,
      },
    });
    const pages = byKey(r.byPage);
    expect(Object.keys(pages).sort()).toEqual(['', 'https://shop.test/candles', 'https://shop.test/checkout']);
    expect(pages['https://shop.test/candles']).toMatchObject({ conversations: 2, firstResponseMedianMs: 2 * MIN, avgResponseMs: 90_000, avgResolutionMs: 1_200_000, firstContactResolutionRate: 1, missed: 1, ratings: 1, csatScore: 1, cesAverage: 2 });
    expect(pages['https://shop.test/checkout']).toMatchObject({ conversations: 1, firstResponseMedianMs: MIN, firstResponseP90Ms: MIN, avgResponseMs: 120_000, avgResolutionMs: 900_000, firstContactResolutionRate: 0, missed: 0, csatDistribution: [0, 0, 1, 0, 0], cesAverage: 4 });
    expect(pages['']).toMatchObject({ label: '(unknown page)', conversations: 2, firstResponseMedianMs: 5 * MIN, avgResponseMs: 180_000, avgResolutionMs: 1_200_000, firstContactResolutionRate: 0, missed: 0, csatDistribution: [0, 1, 0, 0, 0], cesAverage: null });
  });

  it('the date range and the site filter narrow it; an empty range is all zeros and nulls', async () => {
    const tuesday = JSON.parse((await report(`from=${Date.UTC(2026, 10, 17)}&to=${Date.UTC(2026, 10, 18)}&siteId=${h.siteA.siteId}`)).text) as Report;
    expect(tuesday.overall).toMatchObject({ conversations: 2, ratings: 2, csatDistribution: [0, 1, 1, 0, 0], firstContactResolutionRate: 0 });
    const empty = JSON.parse((await report(`from=0&to=1`)).text) as Report;
    expect(empty.overall).toMatchObject({ conversations: 0, missed: 0, ratings: 0, csatScore: null, firstResponseMedianMs: null });
    expect(empty.volumeByDay).toEqual([]);
  });

  it('owners only, their sites only; CSV export', async () => {
    expect((await report(`from=${FROM}&to=${TO}`, h.siteA.agentEmail)).status).toBe(403);
    expect((await report(`from=${FROM}&to=${TO}&siteId=${h.siteB.siteId}`)).status).toBe(403);
    expect((await report('from=x&to=1')).status).toBe(400);
    const csv = await report(`from=${FROM}&to=${TO}&format=csv`);
    expect(csv.type).toContain('text/csv');
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toContain('"group","key","label","conversations","first_response_median_ms"');
    expect(lines[1]).toBe('"overall","all","All conversations","5","120000","300000","130000","1125000","0.3333333333333333","1","3","0.3333333333333333","0","1","1","0","1","3"');
    expect(lines).toHaveLength(1 + 1 + 3 + 2 + 3);
  });
});
