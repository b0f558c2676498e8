/**
 * Child process: the real Hearth server (buildApp, as server.ts runs it) on 127.0.0.1 with a
 * fresh SQLite file in a temp DATA_DIR, seeded through the server's own code: the demo site,
 * BENCH_AGENTS agents with login sessions and BENCH_VISITORS visitors with signed tokens. The
 * parent gets the credentials over IPC; the swarm logs in with them like the console and widget do.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { AgentId, VisitorId } from '@hearth/protocol';
import { loadConfig } from '../apps/server/src/config.ts';
import { buildApp } from '../apps/server/src/app.ts';
import { ensureInstallation } from '../apps/server/src/bootstrap/installation.ts';
import { newSessionToken, SESSION_COOKIE, SESSION_TTL_MS } from '../apps/server/src/auth/sessions.ts';

const agents = Number(process.env.BENCH_AGENTS ?? 0);
const visitors = Number(process.env.BENCH_VISITORS ?? 0);
const dataDir = mkdtempSync(join(tmpdir(), 'hearth-bench-server-'));
const cleanup = () => rmSync(dataDir, { recursive: true, force: true });
process.once('exit', cleanup);

// Every simulated client comes from 127.0.0.1: the per-address socket cap and budget (meant for
// one person's address on the internet) would count them all as one.
const app = await buildApp(
  loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', SOCKETS_PER_IP: '1000000', IP_EVENTS_PER_MIN: '100000000', IP_EVENTS_BURST: '1000000' }),
);
await ensureInstallation(app.store, { email: 'owner@bench.test', password: 'bench-password' });
const { sqlite } = app.sqlite;
const siteId = (await app.store.read.sites.byKey('demo'))!.id;

// Agents are rows plus sessions: nobody logs in with a password, so none is hashed (scrypt x100
// would take longer than the benchmark itself).
const now = Date.now();
const agentCookies: string[] = [];
const visitorTokens: string[] = [];
await app.store.unit(async (tx) => {
  for (let i = 0; i < agents; i++) {
    const agentId = randomUUID() as AgentId;
    await tx.team.createAgent({ id: agentId, email: `agent${i}@bench.test`, name: `Agent ${i}`, passwordHash: 'none', createdAt: now });
    await tx.team.addMember({ siteId, agentId, role: 'agent', createdAt: now });
    const { token, tokenHash } = newSessionToken();
    await tx.auth.createSession({ tokenHash, agentId, createdAt: now, expiresAt: now + SESSION_TTL_MS });
    agentCookies.push(`${SESSION_COOKIE}=${token}`);
  }
  for (let i = 0; i < visitors; i++) {
    const visitorId = randomUUID() as VisitorId;
    await tx.visitors.create({ id: visitorId, siteId, userAgent: null, externalId: null, now });
    visitorTokens.push(app.visitorTokens.sign({ siteId, visitorId }));
  }
});

await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
process.send!({ type: 'ready', url, agentCookies, visitorTokens });

process.on('message', (message: { type: string }) => {
  if (message.type === 'stats') {
    const count = (sql: string) => (sqlite.prepare(sql).get() as { n: number }).n;
    process.send!({
      type: 'stats',
      storedVisitorMessages: count("select count(*) as n from messages where author_type = 'visitor'"),
      conversations: count('select count(*) as n from conversations'),
    });
  } else if (message.type === 'gc') {
    globalThis.gc?.();
    process.send!({ type: 'gc' });
  }
});

process.once('SIGTERM', () => {
  void app.close().finally(() => {
    cleanup();
    process.exit(0);
  });
});
