import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { Page } from 'playwright-core';
import { useHearthAndChromium } from './server-process.ts';
import { keepAgentOnline } from './hearth-api.ts';
import { snippet, useShop } from './shop-server.ts';

/**
 * Issue 16 item 17: the open panel stays open across the pages of a visit (a full page load, a
 * reload, a single-page-app navigation), and stays closed once the visitor closes it.
 */
const suite = useHearthAndChromium();
const shop = useShop((path) => {
  const n = Number(/^\/page\/(\d+)$/.exec(path)?.[1]);
  if (!n) return null;
  return `<!doctype html><html><head><title>Shop page ${n}</title></head><body><h1>Shop page ${n}</h1>
<p><a href="/page/${n + 1}">Next page</a> <button type="button" id="spa" onclick="history.pushState(null, '', '/page/${n + 10}')">Same-page link</button></p>
${snippet(suite.hearth.url)}</body></html>`;
});

const panelOpen = (p: Page) => p.locator('hearth-widget').locator('.panel.open');
const launcher = (p: Page) => p.locator('hearth-widget').locator('button.launcher');
const next = (p: Page) => Promise.all([p.waitForEvent('load'), p.getByRole('link', { name: 'Next page' }).click()]);

async function visitor(): Promise<Page> {
  const context = await suite.browser.newContext();
  onTestFinished(() => context.close());
  const p = await context.newPage();
  await p.goto(`${shop.url}/page/1`);
  await launcher(p).waitFor();
  return p;
}

describe('the panel across the pages of a visit (issue 16 item 17)', () => {
  beforeAll(async () => {
    const stop = await keepAgentOnline(suite.hearth.url);
    afterAll(stop);
  });

  it('opened and written in on page 1: open on page 2 and after a reload, with the conversation; closed by the visitor: closed on page 3', async () => {
    const p = await visitor();
    await launcher(p).click();
    const panel = p.frameLocator('iframe[title="Hearth chat"]');
    const box = panel.getByRole('textbox', { name: 'Message' });
    await box.fill('Is the cedar candle in stock?');
    await box.press('Enter');
    await panel.getByRole('log').getByText('Is the cedar candle in stock?').waitFor();

    await next(p);
    await panelOpen(p).waitFor();
    await panel.getByRole('log').getByText('Is the cedar candle in stock?').waitFor();
    expect(await launcher(p).getAttribute('aria-expanded')).toBe('true');
    // Focus stays on the page: a page load never moves it into the chat by itself.
    expect(await p.evaluate(() => document.activeElement === document.body)).toBe(true);

    await p.reload();
    await panelOpen(p).waitFor();

    // A single-page-app navigation changes nothing.
    await p.locator('#spa').click();
    await p.waitForTimeout(300);
    await panelOpen(p).waitFor();

    // The visitor closes it with the panel's own button: it stays closed on the next pages.
    await panel.getByRole('button', { name: /close|minimi[sz]e/i }).click();
    await panelOpen(p).waitFor({ state: 'detached' });
    await next(p);
    await launcher(p).waitFor();
    await p.waitForTimeout(500);
    expect(await panelOpen(p).count()).toBe(0);
    await p.reload();
    await launcher(p).waitFor();
    await p.waitForTimeout(500);
    expect(await panelOpen(p).count()).toBe(0);
  });

  it('opened by the launcher and closed by it, or opened by Hearth("open") and closed by Hearth("close"): each state carries to the next page', async () => {
    const p = await visitor();
    const hearth = (command: string) => p.evaluate((c) => (window as unknown as { Hearth: (c: string) => void }).Hearth(c), command);
    await hearth('open');
    await panelOpen(p).waitFor();
    await next(p);
    await panelOpen(p).waitFor();
    await hearth('close');
    await panelOpen(p).waitFor({ state: 'detached' });
    await next(p);
    await p.waitForTimeout(500);
    expect(await panelOpen(p).count()).toBe(0);
    await launcher(p).click();
    await panelOpen(p).waitFor();
    await launcher(p).click();
    await panelOpen(p).waitFor({ state: 'detached' });
    await next(p);
    await p.waitForTimeout(500);
    expect(await panelOpen(p).count()).toBe(0);
  });

  it('a new tab of the same shop (another visit) starts with the panel closed', async () => {
    const p = await visitor();
    await launcher(p).click();
    await panelOpen(p).waitFor();
    const other = await p.context().newPage();
    await other.goto(`${shop.url}/page/1`);
    await launcher(other).waitFor();
    await other.waitForTimeout(500);
    expect(await panelOpen(other).count()).toBe(0);
  });
});
