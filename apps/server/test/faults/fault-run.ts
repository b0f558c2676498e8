import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@hearth/db';
import type { Message, WidgetSessionResponse } from '@hearth/protocol';
import { FaultProxy } from './fault-proxy.ts';
import { AgentParticipant, VisitorParticipant } from './participants.ts';
import { OWNER, startServerProcess, type RunningServer } from './server-child.ts';

/** The knobs; the long form sets them through FAULTS_* environment variables (see README). */
export interface FaultPlan {
  visitors: number;
  agents: number;
  kills: number;
  /** Messages each visitor sends; agents send about as many replies in all. */
  messages: number;
  /** Cuts and stalls last between 100 ms and this. */
  maxFaultMs: number;
  seed: number;
}

export function planFromEnv(env: NodeJS.ProcessEnv): FaultPlan {
  const n = (name: string, fallback: number) => (env[name] ? Number(env[name]) : fallback);
  return {
    visitors: n('FAULTS_VISITORS', 3),
    agents: n('FAULTS_AGENTS', 2),
    kills: n('FAULTS_KILLS', 2),
    messages: n('FAULTS_MESSAGES', 12),
    maxFaultMs: n('FAULTS_MAX_FAULT_MS', 1200),
    seed: n('FAULTS_SEED', Date.now() % 1_000_000),
  };
}

/** mulberry32: a seeded PRNG, so a failing run can be replayed with FAULTS_SEED. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(what: string, done: () => boolean | Promise<boolean>, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting: ${what}`);
    await sleep(100);
  }
}

export interface FaultReport {
  plan: FaultPlan;
  kills: number;
  cuts: number;
  stalls: number;
  reloads: number;
  sent: number;
  acked: number;
  stored: number;
  /** Messages in the outbox at a reload, all of which must be stored after it. */
  pendingAtReload: number;
  problems: string[];
}

export async function runFaults(plan: FaultPlan): Promise<FaultReport> {
  const random = prng(plan.seed);
  const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo));
  const dataDir = mkdtempSync(join(tmpdir(), 'hearth-faults-'));
  let server: RunningServer = await startServerProcess(dataDir);
  const siteKey = server.siteKey!;
  const proxy = new FaultProxy(server.port);
  const proxyUrl = `http://127.0.0.1:${await proxy.listen()}`;
  const direct = () => `http://127.0.0.1:${server.port}`;
  const visitors: VisitorParticipant[] = [];
  const agents: AgentParticipant[] = [];
  let kills = 0;

  try {
    for (let i = 0; i < plan.visitors; i++) {
      const res = await fetch(direct() + '/api/widget/session', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ siteKey, token: null }),
      });
      const session = (await res.json()) as WidgetSessionResponse;
      visitors.push(new VisitorParticipant(i, proxyUrl, session.token, session.visitorId));
    }
    for (let j = 0; j < plan.agents; j++) {
      const res = await fetch(direct() + '/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(OWNER),
      });
      const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
      // Agent j follows the visitors i with i % agents === j.
      const mine = new Set(visitors.filter((v) => v.index % plan.agents === j).map((v) => v.visitorId));
      agents.push(new AgentParticipant(j, proxyUrl, cookie, mine));
    }
    for (const p of [...visitors, ...agents]) p.start();

    let sending = true;
    const faults = (async () => {
      while (sending) {
        await sleep(between(200, 900));
        if (!sending) break;
        const ms = between(100, plan.maxFaultMs);
        if (random() < 0.5) proxy.cut(ms);
        else await proxy.stall(ms);
      }
    })();
    const killer = (async () => {
      for (let k = 0; k < plan.kills; k++) {
        await sleep(between(500, 2500));
        await server.kill();
        kills++;
        await sleep(between(100, 800));
        server = await startServerProcess(dataDir);
        proxy.targetPort = server.port;
      }
    })();

    const replyBudget = plan.messages * plan.visitors;
    let replies = 0;
    let visitorSends = 0;
    while (visitorSends < plan.messages * plan.visitors || replies < replyBudget) {
      await sleep(between(20, 120));
      const roll = random();
      if (roll < 0.03) visitors[between(0, visitors.length)]!.reload();
      else if (roll < 0.55 && visitorSends < plan.messages * plan.visitors) {
        const v = visitors[visitorSends % visitors.length]!;
        v.send();
        visitorSends++;
      } else if (replies < replyBudget && agents[between(0, agents.length)]!.reply(between(0, 1000))) replies++;
      else if (visitorSends >= plan.messages * plan.visitors && replies < replyBudget && agents.every((a) => a.conversations.size === 0)) break;
    }
    await killer;
    sending = false;
    await faults;

    const all = [...visitors, ...agents];
    await until('every outbox drained', () => all.every((p) => p.pending() === 0), 90_000);

    const db = openDatabase(join(dataDir, 'hearth.db'));
    try {
      const stored = (conversationId: string) =>
        db.sqlite
          .prepare('select id, seq, client_id as clientId from messages where conversation_id = ? order by seq')
          .all(conversationId) as Array<{ id: string; seq: number; clientId: string }>;
      const same = (timeline: Message[], conversationId: string) =>
        JSON.stringify(timeline.map((m) => [m.seq, m.id])) === JSON.stringify(stored(conversationId).map((m) => [m.seq, m.id]));
      // Converged when every transcript matches the database; a last resync is what a client does after any reconnect.
      await until(
        'every transcript equal to the database',
        async () => {
          await Promise.all(all.map((p) => p.finalSync()));
          return (
            visitors.every((v) => v.conversationId !== null && same(v.timeline, v.conversationId)) &&
            agents.every((a) => [...a.conversations.values()].every((c) => same(c.timeline, c.id)))
          );
        },
        30_000,
      ).catch(() => {});

      const problems: string[] = [];
      const acked = [...visitors.flatMap((v) => [...v.acked]), ...agents.flatMap((a) => [...a.acked])];
      const countOf = db.sqlite.prepare('select count(*) as n from messages where client_id = ?');
      for (const clientId of acked) {
        const n = (countOf.get(clientId) as { n: number }).n;
        if (n !== 1) problems.push(`acked ${clientId} stored ${n} times`);
      }
      for (const v of visitors) {
        for (const clientId of v.pendingAtReload) {
          const n = (countOf.get(clientId) as { n: number }).n;
          if (n !== 1) problems.push(`visitor ${v.index}: ${clientId} pending at a reload, stored ${n} times`);
        }
        const open = db.sqlite.prepare('select count(*) as n from conversations where visitor_id = ?').get(v.visitorId) as { n: number };
        if (open.n !== 1) problems.push(`visitor ${v.index} has ${open.n} conversations`);
        if (!v.conversationId || !same(v.timeline, v.conversationId)) problems.push(`visitor ${v.index}: transcript differs from the database`);
      }
      for (const a of agents) {
        for (const c of a.conversations.values()) if (!same(c.timeline, c.id)) problems.push(`agent ${a.index}: transcript of ${c.id} differs`);
      }
      const gaps = db.sqlite
        .prepare('select c.id, c.last_seq as lastSeq, count(m.id) as n, max(m.seq) as top from conversations c left join messages m on m.conversation_id = c.id group by c.id')
        .all() as Array<{ id: string; lastSeq: number; n: number; top: number }>;
      for (const g of gaps) if (g.n !== g.lastSeq || g.top !== g.lastSeq) problems.push(`conversation ${g.id}: ${g.n} messages, last seq ${g.lastSeq}`);
      const storedTotal = (db.sqlite.prepare('select count(*) as n from messages').get() as { n: number }).n;
      const sent = visitorSends + replies;
      if (storedTotal !== sent) problems.push(`${sent} messages sent, ${storedTotal} stored`);
      if (acked.length !== sent) problems.push(`${sent} messages sent, ${acked.length} acked`);
      return {
        plan,
        kills,
        cuts: proxy.cuts,
        stalls: proxy.stalls,
        reloads: visitors.reduce((n, v) => n + v.reloads, 0),
        sent,
        acked: acked.length,
        stored: storedTotal,
        pendingAtReload: visitors.reduce((n, v) => n + v.pendingAtReload.size, 0),
        problems,
      };
    } finally {
      db.close();
    }
  } finally {
    for (const p of [...visitors, ...agents]) p.stop();
    await proxy.close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
