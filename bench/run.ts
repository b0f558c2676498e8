/**
 * `pnpm bench`: widget bytes, launcher time, messages under load (Hearth and a bare Socket.IO
 * relay under the same swarm), idle sockets, the durable store, routing and webhook delivery. Prints one table and writes
 * bench/results.json. `pnpm bench --quick` is the seconds-long smoke form; sizes can be set by
 * environment (BENCH_VISITORS, BENCH_AGENTS, BENCH_RATES=1000,2000, BENCH_DURATION_MS,
 * BENCH_IDLE_SOCKETS, BENCH_STORE_MESSAGES, BENCH_LAUNCHER_LOADS, BENCH_WEBHOOK_EVENTS, BENCH_STEPS=widget,messages).
 * Everything runs on 127.0.0.1, in bounded counts and times, and cleans up after itself.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { benchStore } from './store.ts';
import { benchRouting } from './routing.ts';
import { benchWebhooks } from './webhooks.ts';
import { launcherTime, widgetBytes, WIDGET_GOALS } from './widget.ts';
import { idleSockets, messagesUnderLoad } from './load.ts';
import { round } from './child.ts';
import { goalRows, printTable } from './report.ts';

export const STEPS = ['widget', 'launcher', 'messages', 'idle', 'store', 'routing', 'webhooks'] as const;
export type Step = (typeof STEPS)[number];

export interface BenchOptions {
  quick: boolean;
  steps: Step[];
  visitors: number;
  agents: number;
  rates: number[];
  durationMs: number;
  drainMs: number;
  idleSockets: number;
  idleMs: number;
  storeMessages: number;
  launcherLoads: number;
  webhookEvents: number;
  out: string;
}

/** The hard limit on open files caps the idle sockets one server process can hold. */
const FD_HEADROOM = 500;

export function benchOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const quick = argv.includes('--quick');
  const num = (key: string, full: number, smoke: number) => Number(env[key] ?? (quick ? smoke : full));
  const list = (key: string, full: number[], smoke: number[]) => (env[key] ? env[key].split(',').map(Number) : quick ? smoke : full);
  const steps = (env.BENCH_STEPS?.split(',') ?? [...STEPS]).filter((s): s is Step => (STEPS as readonly string[]).includes(s));
  return {
    quick,
    steps,
    visitors: num('BENCH_VISITORS', 2_000, 40),
    agents: num('BENCH_AGENTS', 100, 4),
    rates: list('BENCH_RATES', [1_000, 2_000, 5_000], [200]),
    durationMs: num('BENCH_DURATION_MS', 10_000, 1_500),
    drainMs: num('BENCH_DRAIN_MS', 10_000, 5_000),
    idleSockets: num('BENCH_IDLE_SOCKETS', 20_000, 300),
    idleMs: num('BENCH_IDLE_MS', 5_000, 1_000),
    storeMessages: num('BENCH_STORE_MESSAGES', 20_000, 2_000),
    launcherLoads: num('BENCH_LAUNCHER_LOADS', 15, 2),
    webhookEvents: num('BENCH_WEBHOOK_EVENTS', 5_000, 200),
    out: env.BENCH_OUT ?? fileURLToPath(new URL('./results.json', import.meta.url)),
  };
}

/** Largest number of sockets a server may open: its fd limit less room for the database, logs, etc. */
function idleSocketCap(requested: number): number {
  const limit = fdLimit();
  return Math.min(requested, Math.max(100, limit - FD_HEADROOM));
}
function fdLimit(): number {
  try {
    // "Max open files  <soft>  <hard>  files"; children inherit the soft limit.
    const soft = /Max open files\s+(\d+|unlimited)/.exec(readFileSync('/proc/self/limits', 'utf8'))?.[1];
    return soft && soft !== 'unlimited' ? Number(soft) : Number.POSITIVE_INFINITY;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

export async function runBench(options: BenchOptions) {
  const write = () => writeFileSync(options.out, JSON.stringify(results, null, 2) + '\n');
  // Written after every step: a run cut short still leaves the figures it has.
  const has = (step: Step) => {
    write();
    return options.steps.includes(step);
  };
  const log = (line: string) => console.error(`[bench] ${line}`);
  const results: Record<string, unknown> = {
    date: new Date().toISOString(),
    command: options.quick ? 'pnpm bench --quick' : 'pnpm bench',
    machine: { cores: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', ramGb: round(totalmem() / 1024 ** 3, 1), node: process.version },
    options: { ...options, out: undefined },
  };

  if (has('widget')) {
    log('widget bytes');
    results.widget = widgetBytes();
  }
  if (has('launcher')) {
    log(`launcher time: ${options.launcherLoads} loads of /demo in Chromium`);
    results.launcher = await launcherTime(options.launcherLoads);
  }
  if (has('messages')) {
    const sizing = { visitors: options.visitors, agents: options.agents, rates: options.rates, durationMs: options.durationMs, drainMs: options.drainMs };
    log(`messages: Hearth, ${options.visitors} visitors / ${options.agents} agents at ${options.rates.join(', ')} msg/s for ${options.durationMs} ms each`);
    const hearth = await messagesUnderLoad('hearth-server.ts', sizing);
    log('messages: bare Socket.IO relay, same swarm');
    const baseline = await messagesUnderLoad('bare-relay.ts', sizing);
    const ratio = hearth.phases.map((h, i) => {
      const b = baseline.phases[i]!;
      const r = (x: number, y: number) => round(x / y);
      return {
        offeredRate: h.offeredRate,
        e2eP50: r(h.e2e.p50Ms, b.e2e.p50Ms),
        e2eP99: r(h.e2e.p99Ms, b.e2e.p99Ms),
        e2eMax: r(h.e2e.maxMs, b.e2e.maxMs),
        ackP50: r(h.ack.p50Ms, b.ack.p50Ms),
        ackP99: r(h.ack.p99Ms, b.ack.p99Ms),
      };
    });
    results.messages = { hearth, baseline, hearthOverBaseline: ratio };
  }
  if (has('idle')) {
    const count = idleSocketCap(options.idleSockets);
    log(`idle sockets: ${count} visitor connections${count < options.idleSockets ? ` (capped by the open-files limit from ${options.idleSockets})` : ''}`);
    results.idle = await idleSockets(count, options.idleMs);
  }
  if (has('store')) {
    log(`store: ${options.storeMessages} durable inserts`);
    results.store = await benchStore({ total: options.storeMessages, perMessageTotal: Math.max(500, Math.round(options.storeMessages / 6)) });
  }
  if (has('routing')) {
    const sizes = options.quick ? { agents: 20, waiting: 100, decisions: 2_000 } : { agents: 200, waiting: 1_000, decisions: 20_000 };
    log(`routing: pickAgent over ${sizes.agents} agents; assignWaiting with ${sizes.waiting} waiting`);
    results.routing = benchRouting(sizes);
  }
  if (has('webhooks')) {
    const lines = Math.max(1, Math.round(options.webhookEvents / 50));
    log(`webhooks: ${options.webhookEvents} events over ${lines} conversations to a local receiver`);
    results.webhooks = await benchWebhooks({ events: options.webhookEvents, lines });
  }

  write();
  results.goals = goalRows(results, WIDGET_GOALS);
  write();
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const options = benchOptions(process.argv.slice(2));
  const results = await runBench(options);
  printTable(results);
  console.log(`\nWrote ${options.out}`);
  process.exit(0);
}
