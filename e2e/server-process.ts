import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser } from 'playwright-core';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export const ADMIN = { email: 'owner@demo.test', password: 'e2e-password-123' };

/**
 * Starts Hearth the way README command 1 does (`pnpm start`: the built server, widget and console,
 * a fresh SQLite file in a temp DATA_DIR, the demo site), on a free port. The build is the one
 * production runs; a missing or stale one fails the start with start.mjs's message (`pnpm build`).
 */
export interface Hearth {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

export async function startHearth(extraEnv: Record<string, string> = {}): Promise<Hearth> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hearth-e2e-'));
  const child: ChildProcess = spawn(process.execPath, ['apps/server/start.mjs'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      HEARTH_ADMIN_EMAIL: ADMIN.email,
      HEARTH_ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: 'warn',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Hearth is running at (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  return {
    url,
    dataDir,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Debian's Chromium, headless, with the flags this sandbox needs (no network beyond loopback). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * The usual browser-test setup: one Hearth process and one Chromium for the file, both stopped
 * after it. Read `hearth` and `browser` inside tests (they are set in beforeAll).
 */
export function useHearthAndChromium(env: Record<string, string> = {}): { hearth: Hearth; browser: Browser } {
  const suite = {} as { hearth: Hearth; browser: Browser };
  beforeAll(async () => {
    suite.hearth = await startHearth(env);
    suite.browser = await launchChromium();
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.hearth?.stop();
  });
  return suite;
}
