/**
 * Child processes of the bench: the server under test, the baseline relay and the swarms each run
 * in their own process, so the server's CPU and memory are measured apart from the load that
 * drives it. Every child is registered here and killed on exit, on error and on Ctrl-C.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const benchDir = fileURLToPath(new URL('.', import.meta.url));
const live = new Set<ChildProcess>();

function killAll(): void {
  for (const child of live) if (child.exitCode === null) child.kill('SIGKILL');
}
process.once('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    killAll();
    process.exit(130);
  });
}

export interface Child {
  pid: number;
  /** Sends a request and waits for the reply of the same type. */
  ask<T>(type: string, payload?: Record<string, unknown>, timeoutMs?: number): Promise<T>;
  /** The first message of `type` the child sends (or has sent). */
  next<T>(type: string, timeoutMs?: number): Promise<T>;
  stop(): Promise<void>;
}

/** Forks `bench/<script>` under tsx with an IPC channel; `nodeArgs` e.g. ['--expose-gc']. */
export function startChild(script: string, env: Record<string, string>, nodeArgs: string[] = []): Child {
  const child = fork(benchDir + script, [], {
    execArgv: ['--import', 'tsx', ...nodeArgs],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  live.add(child);
  const inbox: Array<{ type: string }> = [];
  const waiters: Array<{ type: string; resolve: (m: unknown) => void }> = [];
  let exitError: Error | null = null;
  const failWaiters = new Set<(e: Error) => void>();
  child.on('message', (message: { type: string }) => {
    const i = waiters.findIndex((w) => w.type === message.type);
    if (i >= 0) waiters.splice(i, 1)[0]!.resolve(message);
    else inbox.push(message);
  });
  child.once('exit', (code, signal) => {
    live.delete(child);
    exitError = new Error(`bench child ${script} exited (${code ?? signal})`);
    for (const fail of failWaiters) fail(exitError);
  });

  const next = <T>(type: string, timeoutMs = 120_000): Promise<T> => {
    const i = inbox.findIndex((m) => m.type === type);
    if (i >= 0) return Promise.resolve(inbox.splice(i, 1)[0] as T);
    if (exitError) return Promise.reject(exitError);
    return new Promise<T>((resolve, reject) => {
      const fail = (e: Error) => {
        clearTimeout(timer);
        reject(e);
      };
      const timer = setTimeout(() => {
        failWaiters.delete(fail);
        reject(new Error(`bench child ${script}: no '${type}' within ${timeoutMs} ms`));
      }, timeoutMs);
      failWaiters.add(fail);
      waiters.push({
        type,
        resolve: (m) => {
          clearTimeout(timer);
          failWaiters.delete(fail);
          resolve(m as T);
        },
      });
    });
  };

  return {
    pid: child.pid!,
    next,
    ask(type, payload = {}, timeoutMs) {
      child.send({ ...payload, type });
      return next(type, timeoutMs);
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Runs `fn` with a child and stops it whatever happens. */
export async function withChild<T>(child: Child, fn: (child: Child) => Promise<T>): Promise<T> {
  try {
    return await fn(child);
  } finally {
    await child.stop();
  }
}

// ---- /proc readings (Linux): CPU and memory of another process, without its cooperation ----

const CLOCK_TICKS_PER_SECOND = 100;

/** User + system CPU seconds used so far by `pid`. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may contain spaces) start after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
}

/** Current (VmRSS) and peak (VmHWM) resident memory of `pid`, in bytes. */
export function memory(pid: number): { rss: number; peakRss: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
  return { rss: kb('VmRSS'), peakRss: kb('VmHWM') };
}

/** CPU use of `pid` over a window, as a fraction of one core. */
export async function cpuOver(pid: number, ms: number): Promise<number> {
  const before = cpuSeconds(pid);
  await new Promise((r) => setTimeout(r, ms));
  return (cpuSeconds(pid) - before) / (ms / 1000);
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

export const round = (n: number, digits = 2): number => Math.round(n * 10 ** digits) / 10 ** digits;
