import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { ADMIN, useHearthAndChromium } from './server-process.ts';
import { signInToConsole } from './hearth-api.ts';

const suite = useHearthAndChromium();

/** The loader's triggers chunk has started on this page: its detectors are listening. */
const triggersListening = (page: Page) => page.waitForFunction(() => performance.getEntriesByName('hearth:triggers').length > 0);

/** The demo shop, with its triggers running (the loader imports them once the page is idle). */
async function openShop(page: Page, reload = false): Promise<void> {
  await (reload ? page.reload() : page.goto(`${suite.hearth.url}/demo`));
  await page.getByRole('button', { name: /chat/i }).waitFor();
  await triggersListening(page);
}

/** Rapid clicks on one spot, as a frustrated visitor does. */
async function rageClick(page: Page, target: Locator, times = 4): Promise<void> {
  const box = (await target.boundingBox())!;
  for (let i = 0; i < times; i++) await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/** The pointer leaves the page through the top edge, towards the tabs and the address bar. */
async function exitThroughTop(page: Page): Promise<void> {
  await page.mouse.move(400, 120);
  await page.mouse.move(400, 20, { steps: 4 });
  await page.mouse.move(400, -10, { steps: 2 });
}

const prompt = (page: Page) => page.getByRole('dialog', { name: /^Message from/ });

/** Three items (€84) in the cart, on to checkout, then the pointer out through the top: the cart-abandon prompt. */
async function abandonCart(shop: Page): Promise<void> {
  for (const product of ['Cedar candle', 'Stoneware mug', 'Oak tray']) {
    await shop.getByRole('article').filter({ hasText: product }).getByRole('button', { name: 'Add to cart' }).click();
  }
  await shop.getByRole('button', { name: 'Checkout' }).click();
  await shop.getByRole('heading', { name: 'Checkout' }).waitFor();
  await exitThroughTop(shop);
  await prompt(shop).getByText('Leaving with items in your cart?', { exact: false }).waitFor();
}

describe('proactive triggers on the demo shop', () => {
  it('rapid clicks on a button that does nothing bring the rage-click prompt; dismissing removes it, opening the chat engages it', async () => {
    const context = await suite.browser.newContext();
    const shop = await context.newPage();
    const errors: string[] = [];
    shop.on('pageerror', (e) => errors.push(e.message));
    await openShop(shop);
    await shop.getByRole('button', { name: 'Checkout' }).click();
    await rageClick(shop, shop.getByRole('button', { name: 'Apply coupon' }));

    await prompt(shop).getByText('Something not working? Tell us and we will sort it out.').waitFor();
    await expect(prompt(shop).getByText('Ember & Oak (demo shop)').isVisible()).resolves.toBe(true);
    await prompt(shop).getByRole('button', { name: 'Dismiss' }).click();
    await prompt(shop).waitFor({ state: 'detached' });

    // Another visit: opening the chat from the launcher while the prompt shows engages with it.
    const second = await suite.browser.newContext();
    const other = await second.newPage();
    await openShop(other);
    await other.getByRole('button', { name: 'Checkout' }).click();
    await rageClick(other, other.getByRole('button', { name: 'Apply coupon' }));
    await prompt(other).waitFor();
    await other.getByRole('button', { name: 'Chat with us' }).click();
    await prompt(other).waitFor({ state: 'detached' });
    await other.frameLocator('iframe[title="Hearth chat"]').getByRole('textbox', { name: 'Message' }).waitFor();
    expect(errors).toEqual([]);
    await second.close();
    await context.close();
  });

  it('a dismissed cart-abandon prompt does not come back after a reload (capped per visit)', async () => {
    const context = await suite.browser.newContext();
    const shop = await context.newPage();
    const errors: string[] = [];
    shop.on('pageerror', (e) => errors.push(e.message));
    await openShop(shop);
    await abandonCart(shop);
    const reported = shop.waitForResponse((r) => r.url().includes('/api/widget/signals') && (r.request().postData() ?? '').includes('dismissed'));
    await prompt(shop).getByRole('button', { name: 'Dismiss' }).click();
    await prompt(shop).waitFor({ state: 'detached' });
    expect((await reported).status()).toBe(200); // the figures below count this visit's prompt

    // Reload, exit again, then rage-click: the rage prompt (lower priority) shows, which it could
    // not if the cart-abandon prompt (priority 80, conditions holding) were still eligible.
    await openShop(shop, true);
    await shop.getByRole('heading', { name: 'Checkout' }).waitFor();
    await exitThroughTop(shop);
    await rageClick(shop, shop.getByRole('button', { name: 'Apply coupon' }));
    await prompt(shop).getByText('Something not working?', { exact: false }).waitFor();
    await expect(prompt(shop).count()).resolves.toBe(1);
    await expect(shop.getByText('Leaving with items in your cart?', { exact: false }).count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('leaving the checkout for another page without paying brings the cart-abandon prompt', async () => {
    const context = await suite.browser.newContext();
    const shop = await context.newPage();
    await openShop(shop);
    await shop.getByRole('article').filter({ hasText: 'Linen throw' }).getByRole('button', { name: 'Add to cart' }).click();
    await shop.getByRole('button', { name: 'Checkout' }).click();
    await shop.getByRole('heading', { name: 'Checkout' }).waitFor();
    // The loader notes a navigation once the router has settled (see navigation.ts).
    await expect.poll(() => shop.evaluate(() => sessionStorage.getItem('hearth:proactive:demo') ?? '')).toContain('/demo#checkout');
    // A full page load (the "Shop" link), not a single-page-app navigation: the visit remembers the checkout.
    await Promise.all([shop.waitForEvent('load'), shop.getByRole('link', { name: 'Shop' }).click()]);
    await triggersListening(shop);
    const shown = shop.waitForResponse((r) => r.url().includes('/api/widget/signals') && (r.request().postData() ?? '').includes('shown'));
    await prompt(shop).getByText('Leaving with items in your cart?', { exact: false }).waitFor();
    expect((await shown).status()).toBe(200);
    await context.close();
  });

  it('replying to the cart-abandon prompt starts a conversation the agent sees with its evidence; the purchase counts as a conversion', async () => {
    const visitorContext = await suite.browser.newContext();
    const agentContext = await suite.browser.newContext();
    const shop = await visitorContext.newPage();
    const console_ = await agentContext.newPage();
    const errors: string[] = [];
    for (const p of [shop, console_]) p.on('pageerror', (e) => errors.push(e.message));

    // An agent is online, so a reply goes to the live chat (with nobody online it is the offline form).
    await signInToConsole(console_, suite.hearth.url);
    await console_.getByText('Connected').waitFor();

    await openShop(shop);
    await abandonCart(shop);
    await expect(prompt(shop).getByText('Maya from Ember & Oak').isVisible()).resolves.toBe(true);

    // Replying opens the chat; the first message starts the conversation with the trigger as context.
    await prompt(shop).getByRole('button', { name: 'Reply' }).click();
    const panel = shop.frameLocator('iframe[title="Hearth chat"]');
    await panel.getByText('We typically reply in a few minutes').waitFor();
    const message = panel.getByRole('textbox', { name: 'Message' });
    await message.fill('Does the oak tray ship to Ireland?');
    await message.press('Enter');
    await panel.getByText('Does the oak tray ship to Ireland?').waitFor();

    await console_.getByText('Does the oak tray ship to Ireland?').first().click();
    const origin = console_.getByRole('region', { name: 'Trigger' });
    await origin.getByText('Started from trigger: Cart abandon').waitFor();
    await origin.getByText('cart €84.00, 3 items, left through the top').waitFor();
    await origin.getByText('Leaving with items in your cart?', { exact: false }).waitFor();
    // The visitor's timeline: pages, cart changes, the exit.
    const timeline = origin.getByRole('list', { name: "Visitor's events" });
    await timeline.getByText('/demo#checkout').waitFor();
    await timeline.getByText('cart €84.00, 3 items').first().waitFor();
    await timeline.getByText('left through the top').waitFor();

    // The visitor closes the chat and buys: a conversion of the prompt, with its recovered value.
    await shop.keyboard.press('Escape');
    const purchaseReported = shop.waitForResponse((r) => r.url().includes('/api/widget/signals') && (r.request().postData() ?? '').includes('purchase'));
    await shop.getByRole('button', { name: 'Pay now' }).click();
    expect((await purchaseReported).status()).toBe(200);

    await console_.getByRole('link', { name: 'Triggers' }).click();
    const row = console_.getByRole('row').filter({ hasText: 'Cart abandon' });
    await row.waitFor();
    // Trigger | Enabled | Priority | Shown | Engaged | Conversations | Conversions | Recovered
    // (shown three times: once in each of the two previous tests' visits, which bought nothing)
    await expect(row.getByRole('cell').allTextContents()).resolves.toEqual(['Cart abandon', '', '80', '3', '1', '1', '1', '€84.00', 'EditDelete']);

    expect(errors).toEqual([]);
    await visitorContext.close();
    await agentContext.close();
  });

  it('an owner creates a trigger in the console: a bad regex is refused with a clear error, the preview says why it would fire', async () => {
    const context = await suite.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${suite.hearth.url}/console`);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Triggers' }).click();
    await page.getByRole('row').filter({ hasText: 'Rage clicks' }).waitFor();

    await page.getByRole('button', { name: 'New trigger' }).click();
    const editor = page.getByRole('region', { name: 'Edit trigger' });
    const rule = editor.getByLabel('Rule (conditions: OR of AND-groups)');
    const draft = (pattern: string) =>
      JSON.stringify({
        name: 'Checkout help',
        when: [[{ signal: 'url', match: 'regex', pattern }, { signal: 'time_on_page', seconds: 30 }]],
        action: { message: 'Need help paying?', senderName: null },
      });
    await rule.fill(draft('#checkout('));
    await editor.getByRole('button', { name: 'Save trigger' }).click();
    await page.getByRole('alert').getByText('not a valid regular expression', { exact: false }).waitFor();

    // The preview runs the loader's evaluator on the sample visitor (on /demo#checkout for 45 s).
    await rule.fill(draft('#checkout$'));
    const preview = editor.getByRole('status', { name: 'Preview' });
    await preview.getByText('Would fire').waitFor();
    await preview.getByText('Evidence: 45 s on page').waitFor();
    await rule.fill(draft('#cart$'));
    await preview.getByText('Would not fire').waitFor();
    await preview.getByText('Group 1 is missing url matching regex #cart$.').waitFor();

    await rule.fill(draft('#checkout$'));
    await editor.getByRole('button', { name: 'Save trigger' }).click();
    const row = page.getByRole('row').filter({ hasText: 'Checkout help' });
    await row.waitFor();
    await expect(row.getByRole('checkbox').isChecked()).resolves.toBe(true);
    await row.getByRole('checkbox').click();
    await expect.poll(() => row.getByRole('checkbox').isChecked()).toBe(false);

    // Detector settings: validated by the server, per site.
    await page.getByText('Detector settings').click();
    const settings = page.getByLabel('Rage clicks (clicks within windowMs', { exact: false });
    await expect.poll(() => settings.inputValue()).toContain('"clicks": 3');
    await settings.fill((await settings.inputValue()).replace('"checkout"', '"(checkout"'));
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('alert').getByText('not a valid regular expression', { exact: false }).waitFor();
    await settings.fill((await settings.inputValue()).replace('"(checkout"', '"checkout"').replace('"clicks": 3', '"clicks": 4'));
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Saved.').waitFor();
    const config = await (await page.request.get(`${suite.hearth.url}/api/widget/config?site=demo`)).json();
    expect(config.triggers.rage.clicks).toBe(4);
    await context.close();
  });
});
