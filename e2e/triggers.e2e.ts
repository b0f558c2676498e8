import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { ADMIN, launchChromium, startHearth } from './server-process.ts';

let hearth: Awaited<ReturnType<typeof startHearth>>;
let browser: Browser;

beforeAll(async () => {
  hearth = await startHearth();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await hearth?.stop();
});

/** The demo shop, with its trigger config loaded (the loader fetches it after drawing the launcher). */
async function openShop(page: Page, reload = false): Promise<void> {
  const config = page.waitForResponse((r) => r.url().includes('/api/widget/triggers'));
  await (reload ? page.reload() : page.goto(`${hearth.url}/demo`));
  await (await config).finished();
  await page.getByRole('button', { name: /chat/i }).waitFor();
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

describe('proactive triggers on the demo shop', () => {
  it('rapid clicks on a button that does nothing bring the rage-click prompt; dismissing removes it', async () => {
    const context = await browser.newContext();
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
    expect(errors).toEqual([]);
    await context.close();
  });

  it('cart, checkout, pointer out through the top: the cart-abandon prompt; a reply reaches the agent with its evidence; after a reload the capped prompt stays away', async () => {
    const visitorContext = await browser.newContext();
    const agentContext = await browser.newContext();
    const shop = await visitorContext.newPage();
    const console_ = await agentContext.newPage();
    const errors: string[] = [];
    for (const p of [shop, console_]) p.on('pageerror', (e) => errors.push(e.message));

    await openShop(shop);
    for (const product of ['Cedar candle', 'Stoneware mug', 'Oak tray']) {
      await shop.getByRole('article').filter({ hasText: product }).getByRole('button', { name: 'Add to cart' }).click();
    }
    await shop.getByRole('button', { name: 'Checkout' }).click();
    await shop.getByRole('heading', { name: 'Checkout' }).waitFor();
    await exitThroughTop(shop);

    const cartPrompt = prompt(shop);
    await cartPrompt.getByText('Leaving with items in your cart?', { exact: false }).waitFor();
    await expect(cartPrompt.getByText('Maya from Ember & Oak').isVisible()).resolves.toBe(true);

    // Replying opens the chat; the first message starts the conversation with the trigger as context.
    await cartPrompt.getByRole('button', { name: 'Reply' }).click();
    const panel = shop.frameLocator('iframe[title="Hearth chat"]');
    const message = panel.getByRole('textbox', { name: 'Message' });
    await message.fill('Does the oak tray ship to Ireland?');
    await message.press('Enter');
    await panel.getByText('Does the oak tray ship to Ireland?').waitFor();

    await console_.goto(`${hearth.url}/console`);
    await console_.getByLabel('Email').fill(ADMIN.email);
    await console_.getByLabel('Password').fill(ADMIN.password);
    await console_.getByRole('button', { name: 'Sign in' }).click();
    await console_.getByText('Does the oak tray ship to Ireland?').first().click();
    const origin = console_.getByRole('region', { name: 'Trigger' });
    await origin.getByText('Started from trigger: Cart abandon').waitFor();
    await origin.getByText('cart €84.00, 3 items, left through the top').waitFor();
    await origin.getByText('/demo#checkout').first().waitFor();
    await expect(origin.getByText('Cart', { exact: true }).count()).resolves.toBeGreaterThan(0);

    // Reload: the cart-abandon prompt is capped for this visit. Exit again, then rage-click: the
    // rage prompt (lower priority) shows, which it could not if the cart prompt were still eligible.
    await openShop(shop, true);
    await shop.getByRole('heading', { name: 'Checkout' }).waitFor();
    await exitThroughTop(shop);
    await rageClick(shop, shop.getByRole('button', { name: 'Apply coupon' }));
    await prompt(shop).getByText('Something not working?', { exact: false }).waitFor();
    await expect(prompt(shop).count()).resolves.toBe(1);
    await expect(shop.getByText('Leaving with items in your cart?', { exact: false }).count()).resolves.toBe(0);

    expect(errors).toEqual([]);
    await visitorContext.close();
    await agentContext.close();
  });
});
