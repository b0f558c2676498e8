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

  it('an owner builds a trigger from a template in the form: typed fields, AND/OR groups, JSON as an advanced view, unknown signals flagged, errors that name the field', async () => {
    const context = await suite.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${suite.hearth.url}/console`);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Triggers' }).click();
    await page.getByRole('row').filter({ hasText: 'Rage clicks' }).waitFor();

    // Templates for the common cases.
    await page.getByRole('button', { name: 'New trigger' }).click();
    const templates = page.getByRole('region', { name: 'New trigger' });
    for (const t of ['Rage click on checkout', 'Cart abandon over a value', 'Exit intent on pricing'])
      await templates.getByRole('button', { name: t }).waitFor();
    await templates.getByRole('button', { name: 'Exit intent on pricing' }).click();
    const editor = page.getByRole('region', { name: 'Edit trigger' });
    await expect.poll(() => editor.getByLabel('Name', { exact: true }).inputValue()).toBe('Leaving the pricing page');
    const condition = (g: number, c: number) => editor.getByRole('group', { name: `Group ${g}, condition ${c}` });
    await expect(condition(1, 1).getByLabel('Signal').inputValue()).resolves.toBe('exit_intent');
    await condition(1, 1).getByText('The pointer leaves the page through the top edge').waitFor();
    await expect(condition(1, 2).getByLabel('Pattern').inputValue()).resolves.toBe('/pricing*');

    // The preview runs the loader's evaluator on the sample visitor (on /demo…#checkout, leaving through the top).
    const preview = editor.getByRole('status', { name: 'Preview' });
    await preview.getByText('Would not fire').waitFor();
    await preview.getByText('Group 1 is missing url matching glob /pricing*.').waitFor();
    await condition(1, 2).getByLabel('Match as').selectOption('regex');
    await condition(1, 2).getByLabel('Pattern').fill('#checkout(');
    await editor.getByRole('button', { name: 'Save trigger' }).click();
    await editor.getByRole('alert').getByText('Group 1, condition 2 › Pattern: not a valid regular expression').waitFor();
    await condition(1, 2).getByLabel('Pattern').fill('#checkout$');
    await preview.getByText('Would fire').waitFor();
    await preview.getByText('Evidence: url /demo?utm_source=newsletter#checkout').waitFor();

    // OR: a second group, its signal changed to one with a typed parameter.
    await editor.getByRole('button', { name: 'Add group (or)' }).click();
    await condition(2, 1).getByLabel('Signal').selectOption('time_on_page');
    await expect(condition(2, 1).getByLabel('Seconds (s)').inputValue()).resolves.toBe('30');
    await condition(2, 1).getByLabel('Seconds (s)').fill('90');

    // The JSON view edits the same rule; an unknown signal is flagged, never evaluated.
    await editor.getByRole('button', { name: 'JSON (advanced)' }).click();
    const json = editor.getByLabel('Rule as JSON', { exact: false });
    const text = await json.inputValue();
    expect(JSON.parse(text).when[1]).toEqual([{ signal: 'time_on_page', seconds: 90 }]);
    await json.fill(text.replace('"time_on_page"', '"mind_reading"'));
    await preview.getByText('Cannot run as it stands').waitFor();
    await preview.getByText('Group 2, condition 1: unknown signal "mind_reading"', { exact: false }).waitFor();
    await expect(preview.textContent()).resolves.not.toContain('undefined');
    await editor.getByRole('button', { name: 'Form', exact: true }).click();
    await expect(condition(2, 1).getByLabel('Signal').locator('option:checked').textContent()).resolves.toBe('Unknown signal: mind_reading');
    await editor.getByRole('button', { name: 'Save trigger' }).click();
    await editor
      .getByRole('alert')
      .getByText(/Group 2, condition 1 › Signal: unknown signal "mind_reading"; choose one of: rage_click \(Rage clicks\), cart_abandon/)
      .waitFor();
    await condition(2, 1).getByLabel('Signal').selectOption('scroll_depth');
    await condition(2, 1).getByLabel('Percent (%)').fill('75');
    await editor.getByLabel('Delay (seconds)').fill('5');
    await editor.getByLabel('Sender', { exact: true }).selectOption('person');
    await editor.getByLabel('Sender’s name').fill('Maya');
    await editor.getByRole('button', { name: 'Save trigger' }).click();

    const row = page.getByRole('row').filter({ hasText: 'Leaving the pricing page' });
    await row.waitFor();
    await expect(row.getByRole('checkbox').isChecked()).resolves.toBe(false); // templates start disabled
    await row.getByRole('checkbox').click();
    await expect.poll(() => row.getByRole('checkbox').isChecked()).toBe(true);
    const saved = (await (await page.request.get(`${suite.hearth.url}/api/widget/config?site=demo`)).json()).triggers.triggers.find(
      (t: { name: string }) => t.name === 'Leaving the pricing page',
    );
    expect(saved).toMatchObject({
      enabled: true,
      delaySeconds: 5,
      when: [[{ signal: 'exit_intent' }, { signal: 'url', match: 'regex', pattern: '#checkout$' }], [{ signal: 'scroll_depth', percent: 75 }]],
      action: { senderName: 'Maya' },
    });

    // Editing an existing trigger opens the same form with its values.
    await row.getByRole('button', { name: 'Edit Leaving the pricing page' }).click();
    await expect.poll(() => editor.getByLabel('Priority', { exact: false }).inputValue()).toBe('60');
    await editor.getByLabel('Priority', { exact: false }).fill('70');
    await editor.getByRole('button', { name: 'Save trigger' }).click();
    await expect.poll(() => row.getByRole('cell').nth(2).textContent()).toBe('70');

    // Detector settings: a form, validated by the server, per site.
    await page.getByText('Detector settings').click();
    const checkout = page.getByLabel('Checkout pages', { exact: false });
    await expect.poll(() => checkout.inputValue()).toBe('checkout');
    await checkout.fill('(checkout');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('alert').getByText('not a valid regular expression', { exact: false }).waitFor();
    await checkout.fill('checkout');
    await page.getByLabel('Clicks that count as a rage click').fill('4');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Saved.').waitFor();
    const config = await (await page.request.get(`${suite.hearth.url}/api/widget/config?site=demo`)).json();
    expect(config.triggers.rage.clicks).toBe(4);
    await context.close();
  });
});
