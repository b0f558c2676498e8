/**
 * Widget steps: bytes as served (loader, its lazily imported chunks, what the panel frame fetches
 * on opening and the panel's own lazy chunks, gzip and brotli)
 * and launcher time in headless Chromium on /demo, from the loader's first line to a painted
 * launcher, with the long tasks (main-thread blocks > 50 ms) seen while the page loads.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { launchChromium } from '../e2e/server-process.ts';
import { percentile, round, startChild, withChild } from './child.ts';

const dist = fileURLToPath(new URL('../apps/widget/dist/', import.meta.url));
/** Budgets enforced by apps/widget/test/budget.test.ts, and the goals. */
export const WIDGET_BUDGETS = { loaderGzip: 5.5 * 1024, triggersGzip: 4 * 1024, panelGzip: 30 * 1024 };
export const WIDGET_GOALS = { loaderGzip: 4 * 1024, panelGzip: 30 * 1024, launcherMs: 50 };

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const sizes = (files: string[]) => {
  let gzip = 0;
  let brotli = 0;
  for (const file of files) {
    const bytes = readFileSync(file);
    gzip += gzipSync(bytes, { level: 9 }).length;
    brotli += brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  return { gzip, brotli };
};

export function widgetBytes() {
  const loader = sizes([join(dist, 'loader/widget.js')]);
  // Imported by the loader: the proactive triggers (sites with enabled triggers, once idle) and the
  // frame link (with the panel); both counted with the code they share.
  const triggers = sizes(filesUnder(join(dist, 'chunks')).filter((f) => !f.includes('frame-link-')));
  // On opening: frame.html and the script and stylesheet it names. The rest are the panel's lazy
  // chunks (other locales, emoji grid, CSAT card, contact form, transcript), fetched when used.
  const html = readFileSync(join(dist, 'panel/frame.html'), 'utf8');
  const initial = [join(dist, 'panel/frame.html'), ...[...html.matchAll(/(?:src|href)="\/widget\/(assets\/[^"]+)"/g)].map((m) => join(dist, 'panel', m[1]!))];
  const panel = sizes(initial);
  const panelLazy = sizes(filesUnder(join(dist, 'panel')).filter((f) => !initial.includes(f)));
  return {
    loader: { ...loader, budgetGzip: WIDGET_BUDGETS.loaderGzip, underBudget: WIDGET_BUDGETS.loaderGzip - loader.gzip },
    triggers: { ...triggers, budgetGzip: WIDGET_BUDGETS.triggersGzip, underBudget: WIDGET_BUDGETS.triggersGzip - triggers.gzip },
    panel: { ...panel, budgetGzip: WIDGET_BUDGETS.panelGzip, underBudget: WIDGET_BUDGETS.panelGzip - panel.gzip },
    panelLazy,
  };
}

interface PageTiming {
  launcherMs: number;
  longTasks: number;
  longTaskMs: number;
}

/** Collects long tasks from the first byte of every page (the loader's included). */
const OBSERVE_LONG_TASKS = `
  window.__hearthLongTasks = [];
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__hearthLongTasks.push(e.duration); })
      .observe({ type: 'longtask', buffered: true });
  } catch {}
`;

// Strings, not functions: tsx would wrap inner functions in a helper that the page does not have.
const READ_TIMING = `(() => {
  const at = (name) => performance.getEntriesByName(name)[0].startTime;
  const tasks = window.__hearthLongTasks;
  return {
    launcherMs: at('hearth:shown') - at('hearth:start'),
    longTasks: tasks.length,
    longTaskMs: tasks.reduce((a, b) => a + b, 0),
  };
})()`;
const LAUNCHER_VISIBLE = "performance.getEntriesByName('hearth:shown').length > 0";

export async function launcherTime(loads: number) {
  const server = startChild('hearth-server.ts', { BENCH_AGENTS: '0', BENCH_VISITORS: '0' });
  return withChild(server, async () => {
    const { url } = await server.next<{ url: string }>('ready');
    const browser = await launchChromium();
    try {
      const timings: PageTiming[] = [];
      for (let i = 0; i < loads; i++) {
        // A new context each time: cold cache and empty storage, like a first visit.
        const context = await browser.newContext();
        try {
          const page = await context.newPage();
          await page.addInitScript(OBSERVE_LONG_TASKS);
          await page.goto(`${url}/demo`);
          await page.waitForFunction(LAUNCHER_VISIBLE, null, { timeout: 15_000 });
          timings.push(await page.evaluate<PageTiming>(READ_TIMING));
        } finally {
          await context.close();
        }
      }
      const launcher = timings.map((t) => t.launcherMs);
      return {
        loads,
        launcherMedianMs: round(percentile(launcher, 0.5)),
        launcherMaxMs: round(Math.max(...launcher)),
        longTasksPerLoad: round(timings.reduce((a, t) => a + t.longTasks, 0) / loads),
        longTaskMsMedian: round(percentile(timings.map((t) => t.longTaskMs), 0.5)),
      };
    } finally {
      await browser.close();
    }
  });
}
