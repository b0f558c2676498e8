/// <reference types="node" />
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

/**
 * The widget's byte budget (gzip, as served). Runs against the build output: `pnpm build` first.
 * The loader runs on every page of every site that embeds Hearth; the triggers chunk on the pages of
 * sites with enabled triggers (after the page is idle); the panel is fetched by every visitor who
 * opens the chat (and preloaded on each page during a conversation).
 */
const LOADER_BUDGET = 6 * 1024;
const TRIGGERS_BUDGET = 4 * 1024;
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

  it(`triggers chunk is at most ${TRIGGERS_BUDGET} bytes gzip, and the loader names exactly this build of it`, () => {
    const [chunk, ...others] = readdirSync(join(dist, 'triggers'));
    expect(others).toEqual([]);
    const size = gzipSize(join(dist, 'triggers', chunk!));
    console.log(`triggers: dist/triggers/${chunk} ${size} B gzip`);
    expect(size).toBeLessThanOrEqual(TRIGGERS_BUDGET);
    const loader = readFileSync(join(dist, 'loader/widget.js'), 'utf8');
    expect(loader).toContain(`/widget-triggers/${chunk}`);
    // The detectors and the evaluator live in the chunk only (its storage key is a marker of them).
    expect(loader).not.toContain('hearth:proactive:');
    expect(readFileSync(join(dist, 'triggers', chunk!), 'utf8')).toContain('hearth:proactive:');
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

  it('loader and triggers chunk contain no zod and no wildcard postMessage target', () => {
    for (const file of [join(dist, 'loader/widget.js'), ...filesUnder(join(dist, 'triggers'))]) {
      const code = readFileSync(file, 'utf8');
      expect(code).not.toMatch(/ZodError/);
      expect(code).not.toMatch(/postMessage\([^)]*["']\*["']\)/);
    }
  });
});
