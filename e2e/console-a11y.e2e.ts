import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useHearthAndChromium } from './server-process.ts';
import { apiLogin, openWidget, ownerCall, signInToConsole } from './hearth-api.ts';

const suite = useHearthAndChromium();
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core'), 'utf8');
// The committed screenshots are refreshed on request (`HEARTH_SCREENSHOTS=1`); a plain test run
// writes to a temporary folder so it leaves the working tree clean.
const screenshotDir = process.env.HEARTH_SCREENSHOTS ? fileURLToPath(new URL('../docs/screenshots/', import.meta.url)) : join(tmpdir(), 'hearth-screenshots/');
const screenshot = (name: string) => screenshotDir + name;

interface Violation {
  id: string;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

/** axe-core's WCAG 2 A/AA rules (and best practices) on the page as it is now. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, options: unknown): Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return result.violations;
  });
  return violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => `${n.target.join(' ')} (${n.failureSummary ?? ''})`).join('; ')}`);
}

describe('console accessibility (axe-core)', () => {
  it('the inbox, a conversation and every settings section have no violations', async () => {
    // bypassCSP: the console's CSP (script-src 'self') would block injecting axe-core; the app itself is unchanged.
    // A label to put on the conversation (the console loads the site's labels when it starts).
    const { session, cookie } = await apiLogin(suite.hearth.url);
    await ownerCall(suite.hearth.url, cookie, 'POST', `/api/sites/${session.sites[0]!.id}/labels`, { name: 'Returns', color: '#0f766e' });
    const agentContext = await suite.browser.newContext({ viewport: { width: 1360, height: 860 }, bypassCSP: true });
    const page = await agentContext.newPage();
    await signInToConsole(page, suite.hearth.url);
    await page.getByRole('status').getByText('Connected').waitFor();

    // A visitor writes, so the inbox has a row and there is a conversation to open.
    // The host page tells who the visitor is and what is in the cart: the sidebar shows it all.
    const shopContext = await suite.browser.newContext();
    const shop = await shopContext.newPage();
    const panel = await openWidget(shop, suite.hearth.url);
    await shop.evaluate(() => {
      const hearth = (window as unknown as { Hearth: (...a: unknown[]) => void }).Hearth;
      hearth('identify', { name: 'Maya Lind', email: 'maya@example.com' });
      hearth('set', { plan: 'pro', orders: 4 });
      hearth('track', 'cart', { value: 84, currency: 'EUR', items: [{ sku: 'cedar' }, { sku: 'mug' }] });
    });
    const message = panel.getByRole('textbox', { name: 'Message' });
    await message.fill('Is the cedar candle in stock?');
    await message.press('Enter');
    await page.getByText('Is the cedar candle in stock?').first().waitFor();
    expect(await axeViolations(page), 'inbox').toEqual([]);
    await page.screenshot({ path: screenshot('console-inbox.png') });

    await page.getByText('Is the cedar candle in stock?').first().click();
    await page.getByRole('button', { name: 'Accept' }).click();
    const reply = page.getByRole('textbox', { name: 'Reply' });
    await reply.fill('Yes — we have three left.');
    await reply.press('Enter');
    await page.getByRole('log').getByText('Yes — we have three left.').waitFor();
    // A label and an internal note: the conversation as an agent works in it.
    await page.getByRole('group', { name: 'Labels' }).getByText('+ Label').click();
    await page.locator('.label-options').getByText('Returns', { exact: true }).click();
    await page.getByRole('group', { name: 'Labels' }).locator('.label-chip').getByText('Returns').waitFor();
    // A pick closes the menu.
    await page.locator('.label-popover').waitFor({ state: 'hidden' });
    await page.getByRole('radio', { name: 'Internal note' }).click();
    await page.getByRole('textbox', { name: /Internal note/ }).fill('Regular customer: offer free shipping.');
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.getByRole('log').getByText('Regular customer: offer free shipping.').waitFor();
    await page.getByRole('radio', { name: 'Reply' }).click();
    await page.getByText('maya@example.com').first().waitFor();
    await page.getByRole('button', { name: 'Dismiss' }).click();
    expect(await axeViolations(page), 'conversation').toEqual([]);
    await page.screenshot({ path: screenshot('console-conversation.png') });

    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Appearance' }).waitFor();
    // Every state a section can show: an invalid colour, an invitation link, a pending invitation, the secret.
    await page.locator('#team').getByLabel('Email').fill('someone@demo.test');
    await page.getByRole('button', { name: 'Create invitation link' }).click();
    await page.getByText(/someone@demo\.test · Agent/).waitFor();
    await page.getByRole('button', { name: 'Reveal secret' }).click();
    await page.getByTestId('identity-secret').waitFor();
    await page.getByLabel('Greeting').fill('Welcome! Ask us about candles, soap and shipping.');
    expect(await axeViolations(page), 'settings (owner)').toEqual([]);
    // The settings page scrolls inside the console's shell: a tall viewport shows every section.
    await page.setViewportSize({ width: 1360, height: 2600 });
    await page.screenshot({ path: screenshot('console-settings.png') });
    await page.setViewportSize({ width: 1360, height: 860 });
    await page.getByLabel('Brand colour', { exact: true }).fill('#12');
    expect(await axeViolations(page), 'settings with an invalid colour').toEqual([]);

    // The invitee's page, before they accept.
    const link = await page.getByLabel(/Send this link/).inputValue();
    const invitee = await (await suite.browser.newContext({ bypassCSP: true })).newPage();
    await invitee.goto(link);
    await invitee.getByRole('heading', { name: /^Join / }).waitFor();
    expect(await axeViolations(invitee), 'invitation page').toEqual([]);
    await invitee.context().close();
    await shopContext.close();
    await agentContext.close();
  });
});
