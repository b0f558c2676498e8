/**
 * Load steps, each against servers in child processes on 127.0.0.1 that are stopped afterwards:
 * messages under load (Hearth, then the bare relay under the same swarm) and idle sockets.
 */
import { cpuOver, cpuSeconds, memory, round, startChild, withChild, type Child } from './child.ts';
import type { PhaseResult } from './swarm.ts';

interface Ready {
  url: string;
  agentCookies: string[];
  visitorTokens: string[];
}
interface ServerStats {
  storedVisitorMessages: number | null;
}
type Failable<T> = T & { error?: string };

export interface MessagesOptions {
  visitors: number;
  agents: number;
  rates: number[];
  durationMs: number;
  drainMs: number;
}

export interface RatePhase extends PhaseResult {
  /** Visitor messages the server stored during the phase (null for the relay, which stores nothing). */
  stored: number | null;
  /** Sent but never seen by the owning agent. */
  lost: number;
  /** Deliveries of one message, over all agents. */
  fanOut: number;
  serverCpuCores: number;
  serverPeakRssMb: number;
  swarmCpuCores: number;
}

const mb = (bytes: number) => round(bytes / 1024 / 1024, 1);
const unwrap = <T>(result: Failable<T>, what: string): T => {
  if (result.error) throw new Error(`${what}: ${result.error}`);
  return result;
};

/** One server (hearth-server.ts or bare-relay.ts) and one swarm; the rates run one after another. */
export async function messagesUnderLoad(serverScript: string, options: MessagesOptions) {
  const env = { BENCH_AGENTS: String(options.agents), BENCH_VISITORS: String(options.visitors) };
  const server = startChild(serverScript, env);
  return withChild(server, async () => {
    const ready = await server.next<Ready>('ready');
    const swarm = startChild('swarm.ts', {});
    return withChild(swarm, async () => {
      await swarm.next('started');
      const setup = unwrap(
        await swarm.ask<Failable<{ connectMs: number; setupMs: number }>>('connect', { ...ready }, 600_000),
        'swarm connect',
      );
      const phases: RatePhase[] = [];
      for (const rate of options.rates) {
        const p = await ratePhase(server, swarm, rate, options);
        console.error(`[bench]   ${rate} msg/s: sent ${p.sent}, delivered ${p.delivered}, p50 ${p.e2e.p50Ms} ms, p99 ${p.e2e.p99Ms} ms, fan-out ${p.fanOut}, server CPU ${p.serverCpuCores}, swarm CPU ${p.swarmCpuCores}`);
        phases.push(p);
      }
      return { visitors: options.visitors, agents: options.agents, ...setup, phases };
    });
  });
}

async function ratePhase(server: Child, swarm: Child, rate: number, options: MessagesOptions): Promise<RatePhase> {
  const storedBefore = (await server.ask<ServerStats>('stats')).storedVisitorMessages;
  const cpu0 = cpuSeconds(server.pid);
  const swarmCpu0 = cpuSeconds(swarm.pid);
  const t0 = performance.now();
  const result = unwrap(
    await swarm.ask<Failable<PhaseResult>>('phase', { rate, durationMs: options.durationMs, drainMs: options.drainMs }, options.durationMs + options.drainMs + 60_000),
    `phase at ${rate} msg/s`,
  );
  const seconds = (performance.now() - t0) / 1000;
  const cpu = cpuSeconds(server.pid) - cpu0;
  const swarmCpu = cpuSeconds(swarm.pid) - swarmCpu0;
  const storedAfter = (await server.ask<ServerStats>('stats')).storedVisitorMessages;
  return {
    ...result,
    stored: storedBefore === null || storedAfter === null ? null : storedAfter - storedBefore,
    lost: result.sent - result.delivered,
    fanOut: round(result.deliveriesToAllAgents / Math.max(1, result.sent)),
    serverCpuCores: round(cpu / seconds),
    serverPeakRssMb: mb(memory(server.pid).peakRss),
    swarmCpuCores: round(swarmCpu / seconds),
  };
}

/** N idle visitor connections to a fresh Hearth server: memory per socket, accept rate, idle CPU. */
export async function idleSockets(count: number, idleMs: number) {
  const server = startChild('hearth-server.ts', { BENCH_AGENTS: '0', BENCH_VISITORS: String(count) }, ['--expose-gc']);
  return withChild(server, async () => {
    const { url, visitorTokens } = await server.next<Ready>('ready');
    const settledRss = async () => {
      await server.ask('gc');
      await new Promise((r) => setTimeout(r, 1_000));
      return memory(server.pid).rss;
    };
    const rssBefore = await settledRss();
    const swarm = startChild('idle-swarm.ts', {});
    return withChild(swarm, async () => {
      await swarm.next('started');
      const open = await swarm.ask<{ opened: number; failed: number; ms: number }>('open', { url, tokens: visitorTokens, width: 200 }, 600_000);
      const rssAfter = await settledRss();
      const idleCpuCores = await cpuOver(server.pid, idleMs);
      const { stillOpen } = await swarm.ask<{ stillOpen: number }>('count');
      return {
        requested: count,
        opened: open.opened,
        failed: open.failed,
        stillOpenAfterIdle: stillOpen,
        acceptPerSecond: Math.round(open.opened / (open.ms / 1000)),
        rssBeforeMb: mb(rssBefore),
        rssAfterMb: mb(rssAfter),
        rssPerSocketKb: round((rssAfter - rssBefore) / Math.max(1, open.opened) / 1024, 1),
        serverPeakRssMb: mb(memory(server.pid).peakRss),
        idleCpuCores: round(idleCpuCores, 3),
        idleMs,
      };
    });
  });
}
