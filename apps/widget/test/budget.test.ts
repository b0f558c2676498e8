/// <reference types="node" />
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

/**
 * The widget's byte budget (gzip, as served). Runs against the build output: `pnpm build` first.
 * The loader runs on every page of every site that embeds Hearth; the triggers chunk on the pages of
 * sites with enabled triggers (after the page is idle); the frame link, with the panel, is fetched
 * by every visitor who opens the chat (and preloaded on each page during a conversation).
 */
const LOADER_BUDGET = 5.5 * 1024;
const TRIGGERS_BUDGET = 4 * 1024;
const FRAME_LINK_BUDGET = 2 * 1024;
const PANEL_BUDGET = 35 * 1024;

const dist = new URL('../dist/', import.meta.url).pathname;
const gzipSize = (file: string): number => gzipSync(readFileSync(file)).length;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('widget budget', () => {
  it(`loader is at most ${LOADER_BUDGET} bytes gzip`, () => {
    const size = gzipSize(join(dist, 'loader/widget.js'));
    console.log(`loader: dist/loader/widget.js ${size} B gzip`);
    expect(size).toBeLessThanOrEqual(LOADER_BUDGET);
  });

  it(`chunks: triggers at most ${TRIGGERS_BUDGET}, frame link at most ${FRAME_LINK_BUDGET} bytes gzip (with what they share); the loader names exactly these builds`, () => {
    const files = readdirSync(join(dist, 'chunks'));
    const loader = readFileSync(join(dist, 'loader/widget.js'), 'utf8');
    const shared = files.filter((f) => f.startsWith('shared-')).reduce((sum, f) => sum + gzipSize(join(dist, 'chunks', f)), 0);
    for (const [prefix, budget] of [['triggers-', TRIGGERS_BUDGET], ['frame-link-', FRAME_LINK_BUDGET]] as const) {
      const chunk = files.find((f) => f.startsWith(prefix))!;
      const size = gzipSize(join(dist, 'chunks', chunk)) + shared;
      console.log(`chunk: dist/chunks/${chunk} ${size} B gzip (${shared} B of it shared)`);
      expect(size).toBeLessThanOrEqual(budget);
      expect(loader).toContain(chunk);
    }
    // The detectors and the evaluator live in the triggers chunk only (its storage key marks them).
    expect(loader).not.toContain('hearth:proactive:');
    expect(files.filter((f) => readFileSync(join(dist, 'chunks', f), 'utf8').includes('hearth:proactive:'))).toEqual([files.find((f) => f.startsWith('triggers-'))]);
  });

  it(`panel (everything the frame fetches) is at most ${PANEL_BUDGET} bytes gzip, without zod`, () => {
    const files = filesUnder(join(dist, 'panel'));
    expect(files.some((f) => f.endsWith('frame.html'))).toBe(true);
    let total = 0;
    for (const file of files) {
      const size = gzipSize(file);
      total += size;
      console.log(`panel: ${file.slice(dist.length)} ${size} B gzip`);
      // The protocol's zod schemas are for the server; in the browser they would cost ~15 KB.
      expect(readFileSync(file, 'utf8')).not.toMatch(/ZodError|\$ZodType/);
    }
    console.log(`panel total: ${total} B gzip`);
    expect(total).toBeLessThanOrEqual(PANEL_BUDGET);
  });

  it('loader and its chunks contain no zod and no wildcard postMessage target', () => {
    for (const file of [join(dist, 'loader/widget.js'), ...filesUnder(join(dist, 'chunks'))]) {
      const code = readFileSync(file, 'utf8');
      expect(code).not.toMatch(/ZodError/);
      expect(code).not.toMatch(/postMessage\([^)]*["']\*["']\)/);
    }
  });
});
