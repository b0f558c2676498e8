import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const serverEntry = fileURLToPath(new URL('../../src/server.ts', import.meta.url));
const serverRoot = fileURLToPath(new URL('../..', import.meta.url));

export const OWNER = { email: 'owner@faults.test', password: 'faults-password-123' };

export interface RunningServer {
  child: ChildProcess;
  port: number;
  /** The demo site's key, printed only by the first start on an empty database. */
  siteKey: string | null;
  kill(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts the real Hearth process (server.ts) on port 0 with the given data directory. */
export async function startServerProcess(dataDir: string, env: Record<string, string> = {}): Promise<RunningServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', serverEntry], {
    cwd: serverRoot,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      HEARTH_ADMIN_EMAIL: OWNER.email,
      HEARTH_ADMIN_PASSWORD: OWNER.password,
      LOG_LEVEL: 'error',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Hearth is running at http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  // Let the key line arrive (it is printed in the same write as the URL).
  const siteKey = /Demo site key: (\S+)/.exec(output)?.[1] ?? null;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    port,
    siteKey,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
