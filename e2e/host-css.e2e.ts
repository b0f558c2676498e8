import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { Page } from 'playwright-core';
import { useHearthAndChromium } from './server-process.ts';
import { keepAgentOnline } from './hearth-api.ts';
import { snippet, useShop } from './shop-server.ts';

/**
 * Issue 16 item 2: host CSS that makes <html> or <body> the containing block of fixed elements
 * (transform, filter, perspective, contain, will-change, backdrop-filter) must not move the
 * launcher, the prompt or the panel out of the viewport. A 4,000 px page, scrolled half way.
 */
const suite = useHearthAndChromium();
const PROPERTIES = [
  'transform: translateZ(0)',
  'filter: saturate(1)',
  'perspective: 500px',
  'contain: paint',
  'will-change: transform',
  'backdrop-filter: blur(1px)',
] as const;

const shop = useShop((path) => {
  const [, target, index] = /^\/(html|body)\/(\d+)$/.exec(path) ?? [];
  const property = PROPERTIES[Number(index)];
  if (!target || !property) return null;
  return `<!doctype html><html><head><meta name="viewport" content="width=device-width, initial-scale=1"><title>Styled shop</title><style>${target} { ${property} } body { margin: 0 }</style></head>
<body><h1>Styled shop</h1><section><h2>Gift wrap</h2><button type="button" id="wrap">Add gift wrap</button></section>
<p style="height:4000px">A long page.</p>${snippet(suite.hearth.url)}</body></html>`;
});

interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}
/** A part of the widget (in its shadow root) or the prompt, in viewport coordinates, with the viewport's size. */
const rectOf = (p: Page, selector: string) =>
  p.evaluate((s) => {
    const el = document.querySelector('hearth-widget')!.shadowRoot!.querySelector(s)!;
    const { top, left, bottom, right } = el.getBoundingClientRect();
    return { rect: { top, left, bottom, right }, width: innerWidth, height: innerHeight };
  }, selector);

async function expectInViewport(p: Page, selector: string): Promise<Rect> {
  const { rect, width, height } = await rectOf(p, selector);
  expect(rect.top, `${selector} top`).toBeGreaterThanOrEqual(0);
  expect(rect.left, `${selector} left`).toBeGreaterThanOrEqual(0);
  expect(rect.bottom, `${selector} bottom`).toBeLessThanOrEqual(height);
  expect(rect.right, `${selector} right`).toBeLessThanOrEqual(width);
  return rect;
}

describe('host CSS that makes a containing block for fixed elements (issue 16 item 2)', () => {
  beforeAll(async () => {
    const stop = await keepAgentOnline(suite.hearth.url);
    afterAll(stop);
  });

  it.each(['html', 'body'].flatMap((target) => PROPERTIES.map((property, i) => [target, property, i] as const)))(
    '%s { %s }: launcher, prompt and panel stay in the viewport of a scrolled 4,000 px page',
    async (target, _property, index) => {
      const context = await suite.browser.newContext({ viewport: { width: 1280, height: 800 } });
      onTestFinished(() => context.close());
      const p = await context.newPage();
      await p.goto(`${shop.url}/${target}/${index}`);
      await p.evaluate(() => scrollTo(0, 2000));
      const launcher = p.locator('hearth-widget').locator('button.launcher');
      await launcher.waitFor();
      const rect = await expectInViewport(p, '.launcher');
      // Bottom right, 20 px from the viewport's edges.
      expect(Math.round(rect.bottom)).toBe(780);
      expect(Math.round(rect.right)).toBe(1260);

      // The rage-click prompt (the demo site's trigger) beside the launcher.
      await p.waitForFunction(() => performance.getEntriesByName('hearth:triggers').length > 0);
      const box = (await p.locator('#wrap').boundingBox())!;
      await p.evaluate(() => scrollTo(0, 0));
      for (let i = 0; i < 4; i++) await p.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await p.evaluate(() => scrollTo(0, 2000));
      const prompt = p.getByRole('dialog', { name: /^Message from/ });
      await prompt.waitFor();
      await expectInViewport(p, '.prompt');
      await prompt.getByRole('button', { name: 'Dismiss' }).click();

      await launcher.click();
      await p.locator('hearth-widget').locator('.panel.open').waitFor();
      await p.waitForTimeout(250); // the opening transition
      const panel = await expectInViewport(p, '.panel');
      expect(Math.round(panel.bottom)).toBe(712);
      await p.frameLocator('iframe[title="Hearth chat"]').getByRole('textbox', { name: 'Message' }).waitFor();
      // Clicks reach it: the launcher closes the panel.
      await launcher.click();
      await p.locator('hearth-widget').locator('.panel.open').waitFor({ state: 'detached' });
    },
  );
});

describe('host CSS containing block on a phone (issue 16 item 2)', () => {
  it('body { transform }: the open panel covers the 375 px viewport of a scrolled page', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    onTestFinished(() => context.close());
    const p = await context.newPage();
    await p.goto(`${shop.url}/body/0`);
    await p.evaluate(() => scrollTo(0, 2000));
    const launcher = p.locator('hearth-widget').locator('button.launcher');
    expect(Math.round((await expectInViewport(p, '.launcher')).bottom)).toBe(720);
    await launcher.click();
    await p.locator('hearth-widget').locator('.panel.open').waitFor();
    await p.waitForTimeout(250);
    const { rect } = await rectOf(p, '.panel');
    expect(rect).toEqual({ top: 0, left: 0, bottom: 740, right: 375 });
    await p.frameLocator('iframe[title="Hearth chat"]').getByRole('textbox', { name: 'Message' }).waitFor();
    if (process.env.WIDGET_SHOTS) await p.screenshot({ path: `${process.env.WIDGET_SHOTS}/host-css-375.png` });
  });
});
