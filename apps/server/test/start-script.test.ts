import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const startScript = fileURLToPath(new URL('../start.mjs', import.meta.url));

/**
 * `pnpm start` (apps/server/start.mjs) in a scratch copy of the repository layout: it runs the
 * bundle when the build is complete and current, and refuses with the fix otherwise. The real
 * bundle is started by the e2e suite (e2e/server-process.ts).
 */
describe('pnpm start', () => {
  let root: string;
  const write = (path: string, text: string) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  const start = async () => {
    try {
      const { stdout } = await run(process.execPath, [join(root, 'apps/server/start.mjs')], { env: { ...process.env, HEARTH_SKIP_BUILD_CHECK: '' } });
      return { code: 0, out: stdout };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, out: e.stdout + e.stderr };
    }
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'hearth-start-'));
    mkdirSync(join(root, 'apps/server'), { recursive: true });
    copyFileSync(startScript, join(root, 'apps/server/start.mjs'));
    write('apps/server/src/server.ts', '// source');
    write('apps/widget/dist/loader/widget.js', '');
    write('apps/console/dist/index.html', '');
    write('apps/server/dist/server.js', "console.log('bundle ran');");
    // Built after its only input was last changed.
    utimesSync(join(root, 'apps/server/src/server.ts'), new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    write('apps/server/dist/build-info.json', JSON.stringify({ builtAt: Date.now() - 30_000, inputs: ['apps/server/src/server.ts'] }));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('runs a complete, current build', async () => {
    expect(await start()).toEqual({ code: 0, out: 'bundle ran\n' });
  });

  it('refuses without a server build, naming the command that makes one', async () => {
    rmSync(join(root, 'apps/server/dist'), { recursive: true });
    const result = await start();
    expect(result.code).toBe(1);
    expect(result.out).toContain('the server is not built');
    expect(result.out).toContain('pnpm build');
    expect(result.out).not.toContain('bundle ran');
  });

  it('refuses without the widget or console build', async () => {
    rmSync(join(root, 'apps/console/dist'), { recursive: true });
    const result = await start();
    expect(result.code).toBe(1);
    expect(result.out).toContain('the console is not built');
  });

  it('refuses a build older than one of its inputs, or one whose input was removed', async () => {
    utimesSync(join(root, 'apps/server/src/server.ts'), new Date(), new Date());
    const stale = await start();
    expect(stale.code).toBe(1);
    expect(stale.out).toContain('apps/server/src/server.ts changed after it was built');

    rmSync(join(root, 'apps/server/src/server.ts'));
    const removed = await start();
    expect(removed.code).toBe(1);
    expect(removed.out).toContain('apps/server/src/server.ts was removed');
  });
});
