import { describe, expect, it, onTestFinished } from 'vitest';
import type { Page } from 'playwright-core';
import { useHearthAndChromium } from './server-process.ts';
import { snippet, useShop } from './shop-server.ts';
import { patchDemoSettings } from './widget-helpers.ts';

/**
 * Issue 18, "keep the widget's first paint": on a first visit the launcher is drawn at once (in the
 * default look), and the site's look restyles it without a visible flash: while the launcher fades
 * in, it is still fully transparent when a config that answers at network speed arrives; a config
 * that comes late changes the color gradually, never in one jump.
 */
const suite = useHearthAndChromium();
const shop = useShop((path) => (path === '/' ? `<!doctype html><html><head><title>Shop</title></head><body><h1>Shop</h1>${snippet(suite.hearth.url)}</body></html>` : null));

/** Records, from the page's first line, the launcher's opacity and color each time the loader restyles it. */
const RECORD_RESTYLES = () => {
  const w = window as unknown as { restyles: Array<{ at: number; brand: string; opacity: string; background: string }> };
  w.restyles = [];
  new MutationObserver(() => {
    const host = document.querySelector('hearth-widget') as HTMLElement | null;
    const launcher = host?.shadowRoot?.querySelector('.launcher');
    if (!host || !launcher || launcher.hasAttribute('hidden')) return;
    const brand = host.style.getPropertyValue('--hearth-brand');
    if (w.restyles.at(-1)?.brand === brand) return;
    const s = getComputedStyle(launcher);
    w.restyles.push({ at: performance.now(), brand, opacity: s.opacity, background: s.backgroundColor });
  }).observe(document, { subtree: true, attributes: true, childList: true });
};

async function firstVisit(configDelayMs: number): Promise<Page> {
  const context = await suite.browser.newContext();
  onTestFinished(() => context.close());
  await context.addInitScript(RECORD_RESTYLES);
  const p = await context.newPage();
  await p.route('**/api/widget/config*', async (route) => {
    await new Promise((r) => setTimeout(r, configDelayMs));
    await route.continue().catch(() => {});
  });
  await p.goto(`${shop.url}/`);
  return p;
}
const restyles = (p: Page) => p.evaluate(() => (window as unknown as { restyles: Array<{ brand: string; opacity: string; background: string }> }).restyles);
const launcherMs = (p: Page) =>
  p.evaluate(() => performance.getEntriesByName('hearth:shown')[0]!.startTime - performance.getEntriesByName('hearth:start')[0]!.startTime);

describe('the launcher on a first visit (issue 18)', () => {
  it('is drawn at once, before the site config answers, fading in, and the site look restyles it', async () => {
    patchDemoSettings(suite.hearth.dataDir, { appearance: { brandColor: '#0f766e' } });
    const p = await firstVisit(60);
    await p.waitForFunction(() => performance.getEntriesByName('hearth:shown').length > 0);
    expect(await launcherMs(p)).toBeLessThan(50);
    const launcher = p.locator('hearth-widget').locator('button.launcher');
    await expect.poll(() => launcher.evaluate((b) => getComputedStyle(b).backgroundColor)).toBe('rgb(15, 118, 110)');
    const seen = await restyles(p);
    expect(seen.map((r) => r.brand)).toEqual(['#4f46e5', '#0f766e']);
    // It fades in from transparent (its first 40 %), so a look arriving at network speed lands unseen;
    // the opacity at that moment depends on this machine's load, so the fade itself is what is checked.
    expect(await launcher.evaluate((b) => getComputedStyle(b).animationName)).toBe('fade');
    await expect.poll(() => launcher.evaluate((b) => getComputedStyle(b).opacity)).toBe('1');
  });

  it('a config that comes late (1.5 s) changes the color gradually, not in one jump', async () => {
    patchDemoSettings(suite.hearth.dataDir, { appearance: { brandColor: '#0f766e' } });
    const p = await firstVisit(1500);
    const launcher = p.locator('hearth-widget').locator('button.launcher');
    await launcher.waitFor({ timeout: 500 });
    await expect.poll(() => restyles(p).then((r) => r.length), { timeout: 5000 }).toBe(2);
    const [, late] = await restyles(p);
    // At the moment of the restyle the color is still the default one; it then moves to the site's.
    expect(late!.background).toBe('rgb(79, 70, 229)');
    await expect.poll(() => launcher.evaluate((b) => getComputedStyle(b).backgroundColor)).toBe('rgb(15, 118, 110)');
  });
});
