import { describe, expect, it, onTestFinished } from 'vitest';
import type { Page } from 'playwright-core';
import { useHearthAndChromium } from './server-process.ts';
import { snippet, useShop } from './shop-server.ts';

/**
 * Issue 16 item 18: the trigger timeline (what the agent reads of the visit) names a clicked element
 * as a person would (its text, its label, or the heading it sits under, never 'div'), and notes only
 * real changes of the cart (not the same cart on every page, not an empty cart on a page load).
 */
const suite = useHearthAndChromium();
const PIXEL = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
const shop = useShop((path) => {
  const n = Number(/^\/page\/(\d+)$/.exec(path)?.[1]);
  if (!n) return null;
  const cart = n === 1 ? '{ value: 0, currency: "EUR", items: [] }' : '{ value: 84, currency: "EUR", items: [{ sku: "cedar" }, { sku: "mug" }] }';
  return `<!doctype html><html><head><title>Shop page ${n}</title><style>
  .tile { width: 120px; height: 40px; background: #eee } .tile span { display: block; width: 20px; height: 20px }
  img { display: block; width: 60px; height: 40px } button, input, a, p, div { margin: 4px 0 }</style></head>
<body><h1>Shop page ${n}</h1><p><a href="/page/${n + 1}">Next page</a></p>
<section><h2>Gift wrap</h2><div class="tile" id="blank"><span></span></div>
<button type="button" id="icon" aria-label="Add to wishlist"><svg width="16" height="16"><circle cx="8" cy="8" r="6"/></svg></button>
<a href="#cedar" id="linked-image"><img src="${PIXEL}" alt="Cedar candle"></a></section>
<section><h2>Your order</h2><label for="qty">Quantity</label> <input id="qty" type="number" value="1">
<input type="submit" id="pay" value="Pay now"> <div role="button" id="coupon" title="Apply coupon" class="tile"></div>
<p id="shipping">Free shipping over €50</p></section>
<section><h3>Reviews</h3><div><img id="photo" src="${PIXEL}" alt=""></div></section>
<p style="height:1500px"></p>
${snippet(suite.hearth.url, `Hearth('track', 'cart', ${cart});`)}</body></html>`;
});

const triggersListening = (p: Page) => p.waitForFunction(() => performance.getEntriesByName('hearth:triggers').length > 0);
/** This visit's trigger timeline, as the loader stored it. */
const timeline = async (p: Page): Promise<Array<{ kind: string; label: string }>> =>
  JSON.parse((await p.evaluate(() => sessionStorage.getItem('hearth:proactive:demo'))) ?? '{"timeline":[]}').timeline;

async function rageClick(p: Page, selector: string, times = 5): Promise<void> {
  const box = (await p.locator(selector).boundingBox())!;
  for (let i = 0; i < times; i++) await p.mouse.click(box.x + 6, box.y + box.height / 2);
  await p.waitForTimeout(1200); // past the burst window: the next burst is a new one
}

describe('trigger evidence as a person would say it (issue 16 item 18)', () => {
  it('rage clicks are named by text, label, alt or the heading above; a burst is one timeline entry', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 } });
    onTestFinished(() => context.close());
    const p = await context.newPage();
    await p.goto(`${shop.url}/page/1`);
    await triggersListening(p);
    const expected: Record<string, string> = {
      '#blank span': "the 'Gift wrap' area",
      '#icon': "'Add to wishlist'",
      '#linked-image img': "'Cedar candle'",
      '#qty': "'Quantity'",
      '#pay': "'Pay now'",
      '#coupon': "'Apply coupon'",
      '#shipping': "'Free shipping over €50'",
      '#photo': "the 'Reviews' area",
    };
    for (const selector of Object.keys(expected)) await rageClick(p, selector);
    const rage = (await timeline(p)).filter((e) => e.kind === 'rage').map((e) => e.label);
    expect(rage).toEqual(Object.values(expected).map((name) => `rage clicks on ${name}`));
  });

  it('the cart: nothing for an empty cart on a page load, one entry per change, none for the same cart on the next page', async () => {
    const context = await suite.browser.newContext();
    onTestFinished(() => context.close());
    const p = await context.newPage();
    await p.goto(`${shop.url}/page/1`);
    await triggersListening(p);
    await p.waitForTimeout(300);
    expect((await timeline(p)).filter((e) => e.kind === 'cart')).toEqual([]);
    // Page 2 tracks two items; page 3 tracks the same two again.
    for (let page = 2; page <= 3; page++) {
      await Promise.all([p.waitForEvent('load'), p.getByRole('link', { name: 'Next page' }).click()]);
      await triggersListening(p);
      await p.waitForTimeout(300);
    }
    const hearth = (cart: unknown) => p.evaluate((c) => (window as unknown as { Hearth: (...a: unknown[]) => void }).Hearth('track', 'cart', c), cart);
    await hearth({ value: 0, currency: 'EUR', items: [] });
    await hearth({ value: 0, currency: 'EUR', items: [] });
    await hearth({ value: 30, currency: 'EUR', items: 1 });
    expect((await timeline(p)).filter((e) => e.kind === 'cart').map((e) => e.label)).toEqual(['cart €84.00, 2 items', 'cart emptied', 'cart €30.00, 1 item']);
  });
});
