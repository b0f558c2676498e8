import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useHearthAndChromium } from './server-process.ts';
import { signInToConsole } from './hearth-api.ts';

const suite = useHearthAndChromium();

const widgetFrame = (page: Page) => page.frameLocator('iframe[title="Hearth chat"]');

describe('a visitor on the demo shop chats with an agent in the console', () => {
  it('both sides see both messages live, and a reload of the shop shows the whole conversation', async () => {
    const visitorContext = await suite.browser.newContext();
    const agentContext = await suite.browser.newContext();
    const shop = await visitorContext.newPage();
    const console_ = await agentContext.newPage();
    const pageErrors: string[] = [];
    for (const p of [shop, console_]) p.on('pageerror', (e) => pageErrors.push(e.message));

    // The agent signs in first, so the widget shows agents as online.
    await signInToConsole(console_, suite.hearth.url);

    await shop.goto(`${suite.hearth.url}/demo`);
    const launcher = shop.getByRole('button', { name: /chat/i });
    // A first visit draws the launcher when the site's look arrives (GET /api/widget/config).
    await launcher.waitFor();
    await launcher.click();
    const panel = widgetFrame(shop);
    await panel.getByText('We typically reply in a few minutes').waitFor();
    const message = panel.getByRole('textbox', { name: 'Message' });
    await message.fill('Hi! Is the cedar candle in stock?');
    await message.press('Enter');
    await panel.getByText('Hi! Is the cedar candle in stock?').waitFor();

    // The agent sees it arrive in the inbox, opens it, and answers.
    await console_.getByText('Hi! Is the cedar candle in stock?').first().click();
    const reply = console_.getByRole('textbox', { name: 'Reply' });
    await reply.fill('Yes — 12 left. Want me to reserve one?');
    await reply.press('Enter');
    const log = console_.getByRole('log');
    await log.getByText('Yes — 12 left. Want me to reserve one?').waitFor();
    await log.getByText('Hi! Is the cedar candle in stock?').waitFor();

    // The visitor sees the reply live (in the log; the screen-reader announcement repeats it).
    await panel.getByRole('log').getByText('Yes — 12 left. Want me to reserve one?').waitFor();

    // A reload of the shop shows the whole conversation again, in the panel the visitor left open.
    await shop.reload();
    await shop.locator('hearth-widget').locator('.panel.open').waitFor();
    const reloaded = widgetFrame(shop);
    await reloaded.getByText('Hi! Is the cedar candle in stock?').waitFor();
    await reloaded.getByText('Yes — 12 left. Want me to reserve one?').waitFor();

    expect(pageErrors).toEqual([]);
    await visitorContext.close();
    await agentContext.close();
  });
});
