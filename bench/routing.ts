/**
 * Routing benchmark: the pure decision (pickAgent over 200 agents) and the real drain
 * (assignWaiting: 1,000 waiting conversations, 200 online agents, guarded updates, events, one
 * transaction) on a real SQLite file. Bounded: fixed counts, temp files removed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@hearth/db';
import type { SiteId } from '@hearth/protocol';
import { pickAgent, type AgentCandidate } from '../apps/server/src/routing/pick-agent.ts';
import { assignWaiting } from '../apps/server/src/routing/assignment.ts';

export interface RoutingResult {
  agents: number;
  waiting: number;
  decisionMicrosP50: number;
  decisionMicrosP99: number;
  drainAssigned: number;
  drainMs: number;
  assignmentsPerSecond: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

export function benchRouting(options: { agents?: number; waiting?: number; decisions?: number } = {}): RoutingResult {
  const agentCount = options.agents ?? 200;
  const waiting = options.waiting ?? 1000;
  const decisions = options.decisions ?? 20_000;

  // 1. The pure decision.
  const candidates: AgentCandidate[] = Array.from({ length: agentCount }, (_, i) => ({
    agentId: `agent-${i}`,
    status: i % 10 === 0 ? 'away' : 'online',
    openChats: i % 4,
    maxChats: 5,
    lastAssignedAt: i * 7,
    departmentIds: i % 3 === 0 ? ['sales'] : [],
  }));
  const times: number[] = [];
  for (let i = 0; i < decisions; i++) {
    const t0 = performance.now();
    pickAgent(candidates, { departmentId: i % 5 === 0 ? 'sales' : null, departmentFallback: false, previousAgentId: null, excludedAgentIds: [] }, 'least-busy');
    times.push((performance.now() - t0) * 1000);
  }
  times.sort((a, b) => a - b);

  // 2. The drain, through Hearth's own use case on a real database.
  const dir = mkdtempSync(join(tmpdir(), 'hearth-bench-routing-'));
  const handle = openDatabase(join(dir, 'routing.db'));
  try {
    const { sqlite } = handle;
    const siteId = 'bench-site' as SiteId;
    sqlite.prepare("insert into sites (id, key, name, secret, settings, created_at) values (?, 'bench', 'Bench', 's', ?, 0)").run(
      siteId,
      JSON.stringify({ routing: { defaultMaxChats: 5 } }),
    );
    sqlite.transaction(() => {
      const agent = sqlite.prepare("insert into agents (id, email, name, password_hash, status, created_at) values (?, ?, ?, 'x', 'online', 0)");
      const member = sqlite.prepare("insert into memberships (site_id, agent_id, role, created_at) values (?, ?, 'agent', 0)");
      for (let i = 0; i < agentCount; i++) {
        agent.run(`agent-${i}`, `a${i}@bench.test`, `Agent ${i}`);
        member.run(siteId, `agent-${i}`);
      }
      const visitor = sqlite.prepare('insert into visitors (id, site_id, created_at, last_seen_at) values (?, ?, 0, 0)');
      const conversation = sqlite.prepare("insert into conversations (id, site_id, visitor_id, status, queued_at, created_at, updated_at) values (?, ?, ?, 'open', ?, ?, ?)");
      for (let i = 0; i < waiting; i++) {
        visitor.run(`v-${i}`, siteId);
        conversation.run(`c-${i}`, siteId, `v-${i}`, i, i, i);
      }
    })();
    const t0 = performance.now();
    const assigned = sqlite.transaction(() => assignWaiting(handle.db, siteId, Date.now()))();
    const drainMs = performance.now() - t0;
    return {
      agents: agentCount,
      waiting,
      decisionMicrosP50: Math.round(percentile(times, 0.5) * 10) / 10,
      decisionMicrosP99: Math.round(percentile(times, 0.99) * 10) / 10,
      drainAssigned: assigned.length,
      drainMs: Math.round(drainMs),
      assignmentsPerSecond: Math.round(assigned.length / (drainMs / 1000)),
    };
  } finally {
    handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.table([benchRouting()]);
}
