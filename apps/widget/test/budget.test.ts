/// <reference types="node" />
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { EMOJI } from '../src/panel/emoji-grid.ts';
import { de } from '../src/panel/i18n/de.ts';
import { es } from '../src/panel/i18n/es.ts';

/**
 * The widget's byte budget (gzip, as served). Runs against the build output: `pnpm build` first.
 * The loader runs on every page of every site that embeds Hearth; the triggers chunk on the pages of
 * sites with enabled triggers (after the page is idle); the frame link, with the panel, is fetched
 * by every visitor who opens the chat (and preloaded on each page during a conversation). The panel's
 * lazily imported chunks only by the visitors who need them.
 */
const LOADER_BUDGET = 5.5 * 1024;
const TRIGGERS_BUDGET = 4 * 1024;
const FRAME_LINK_BUDGET = 2 * 1024;
/** What an English visitor's browser fetches on opening the chat: frame.html and the script and stylesheet it names. */
const PANEL_BUDGET = 30 * 1024;
/**
 * The panel's lazily imported chunks, each fetched only by the visitors who need it: a locale other
 * than English, the emoji grid (first opening), the CSAT card (after a chat ends), the contact form
 * (nobody online, or pre-chat questions), a transcript download. A new chunk must be named here.
 */
const PANEL_CHUNK_BUDGETS: Record<string, number> = {
  de: 1.5 * 1024,
  es: 1.5 * 1024,
  EmojiGrid: 1 * 1024,
  CsatCard: 1.5 * 1024,
  ContactForm: 1.25 * 1024,
  'transcript-text': 0.5 * 1024,
};

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

  // Named by frame.html: the module script and the stylesheet (never a modulepreload of a lazy chunk).
  const panelInitial = (): string[] => {
    const html = readFileSync(join(dist, 'panel/frame.html'), 'utf8');
    return [join(dist, 'panel/frame.html'), ...[...html.matchAll(/(?:src|href)="\/widget\/(assets\/[^"]+)"/g)].map((m) => join(dist, 'panel', m[1]!))];
  };

  it(`panel: what an English visitor fetches on opening the chat is at most ${PANEL_BUDGET} bytes gzip, without zod, other locales or the emoji grid`, () => {
    const initial = panelInitial();
    expect(initial.map((f) => f.slice(f.lastIndexOf('.')))).toEqual(['.html', '.js', '.css']);
    let total = 0;
    for (const file of initial) {
      const size = gzipSize(file);
      total += size;
      console.log(`panel: ${file.slice(dist.length)} ${size} B gzip`);
    }
    console.log(`panel initial total: ${total} B gzip`);
    expect(total).toBeLessThanOrEqual(PANEL_BUDGET);
    const entry = readFileSync(initial[1]!, 'utf8');
    for (const lazy of [de.greeting, es.greeting, EMOJI[11]!]) expect(entry).not.toContain(lazy);
  });

  it('panel: each lazily imported chunk is within its own budget; every file is zod-free', () => {
    const initial = panelInitial();
    const initialTotal = initial.reduce((sum, f) => sum + gzipSize(f), 0);
    const chunks = filesUnder(join(dist, 'panel')).filter((f) => !initial.includes(f));
    const named = chunks.map((file) => [file, file.match(/\/([^/]+)-[\w-]{8}\.js$/)?.[1] ?? file] as const);
    expect(named.map(([, name]) => name).sort()).toEqual(Object.keys(PANEL_CHUNK_BUDGETS).sort());
    for (const [file, name] of named) {
      const size = gzipSize(file);
      console.log(`panel chunk: ${file.slice(dist.length)} ${size} B gzip (with the initial set: ${initialTotal + size} B)`);
      expect(size).toBeLessThanOrEqual(PANEL_CHUNK_BUDGETS[name]!);
    }
    for (const file of [...initial, ...chunks]) {
      // The protocol's zod schemas are for the server; in the browser they would cost ~15 KB.
      expect(readFileSync(file, 'utf8')).not.toMatch(/ZodError|\$ZodType/);
    }
  });

  it('loader and its chunks contain no zod and no wildcard postMessage target', () => {
    for (const file of [join(dist, 'loader/widget.js'), ...filesUnder(join(dist, 'chunks'))]) {
      const code = readFileSync(file, 'utf8');
      expect(code).not.toMatch(/ZodError/);
      expect(code).not.toMatch(/postMessage\([^)]*["']\*["']\)/);
    }
  });
});
