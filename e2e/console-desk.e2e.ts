import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useHearthAndChromium } from './server-process.ts';
import { openWidget, putRouting, signInToConsole } from './hearth-api.ts';
import { axeViolations, deskLogin, scriptedVisitor } from './desk-support.ts';

const suite = useHearthAndChromium();

/** Signs in and waits until the console is there (a navigation before that would lose the session). */
async function signIn(page: Page): Promise<void> {
  await signInToConsole(page, suite.hearth.url);
  await page.getByRole('button', { name: /account menu/ }).waitFor();
}

/** Issue 6 in the console: canned replies, internal notes, desktop notifications, shortcuts. */
describe('the agents’ desk in the console', () => {
  it('typing / opens the canned replies; the keyboard inserts one with its placeholders filled', async () => {
    const me = await deskLogin(suite.hearth.url);
    const site = me.sites[0]!;
    const created = await fetch(`${suite.hearth.url}/api/sites/${site.id}/canned-replies`, {
      method: 'POST',
      headers: { cookie: me.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ scope: 'site', title: 'Thanks', shortcut: 'thanks', text: 'Thanks {{visitor.first_name | there}}, {{agent.name}} here at {{site.name}}. {{order.id}}' }),
    });
    expect(created.status).toBe(201);
    const context = await suite.browser.newContext();
    const page = await context.newPage();
    await signIn(page);
    const visitor = await scriptedVisitor(suite.hearth.url, site.key);
    await visitor.socket.timeout(5000).emitWithAck('visitor:update', { name: 'Ada Lovelace' });
    const conversationId = await visitor.say('Where is my order?');
    await page.goto(`${suite.hearth.url}/console/conversations/${conversationId}`);
    const reply = page.getByRole('textbox', { name: 'Reply' });
    await reply.click();
    await reply.pressSequentially('Hi! /tha');
    const list = page.getByRole('listbox', { name: 'Canned replies' });
    await list.getByRole('option', { name: /thanks/ }).waitFor();
    expect(await reply.getAttribute('aria-controls')).toBe('canned-list');
    expect(await reply.getAttribute('aria-activedescendant')).toBe('canned-list-0');
    expect(await axeViolations(page, '.composer')).toEqual([]);
    await reply.press('Enter');
    await expect.poll(() => reply.inputValue()).toBe(`Hi! Thanks Ada, ${me.agent.name} here at ${site.name}. {{order.id}}`);
    expect(await list.count()).toBe(0);
    // Escape closes the list without inserting anything.
    await reply.pressSequentially(' /th');
    await list.waitFor();
    await reply.press('Escape');
    expect(await list.count()).toBe(0);
    visitor.socket.disconnect();
    await context.close();
  });

  it('an internal note shows in the console timeline and never in the widget', async () => {
    const agentContext = await suite.browser.newContext();
    const shopContext = await suite.browser.newContext();
    const console_ = await agentContext.newPage();
    const shop = await shopContext.newPage();
    await signIn(console_);
    const panel = await openWidget(shop, suite.hearth.url);
    const message = panel.getByRole('textbox', { name: 'Message' });
    await message.fill('Can I return the oak tray?');
    await message.press('Enter');
    await console_.getByText('Can I return the oak tray?').first().click();

    await console_.getByRole('radio', { name: 'Internal note' }).click();
    const noteBox = console_.getByRole('textbox', { name: /Internal note/ });
    await noteBox.fill('NOTE-E2E: bought on sale, no refund');
    await console_.getByRole('button', { name: 'Add note' }).click();
    const log = console_.getByRole('log');
    await log.getByText('NOTE-E2E: bought on sale, no refund').waitFor();
    await log.getByText('Internal note').first().waitFor();

    await console_.getByRole('radio', { name: 'Reply' }).click();
    const reply = console_.getByRole('textbox', { name: 'Reply' });
    await reply.fill('Yes, within 30 days.');
    await reply.press('Enter');
    await panel.getByText('Yes, within 30 days.', { exact: true }).waitFor();
    expect(await panel.getByText(/NOTE-E2E/).count()).toBe(0);
    await shop.reload();
    await shop.getByRole('button', { name: /chat/i }).click();
    const again = shop.frameLocator('iframe[title="Hearth chat"]');
    await again.getByText('Yes, within 30 days.').waitFor();
    expect(await again.getByText(/NOTE-E2E/).count()).toBe(0);
    await agentContext.close();
    await shopContext.close();
  });

  it('a visitor message in my other conversation raises a desktop notification that opens it', async () => {
    const me = await deskLogin(suite.hearth.url);
    // Room for both conversations besides the earlier tests' ones: each must be assigned to me.
    await putRouting(suite.hearth.url, me.cookie, me.sites[0]!.id, { defaultMaxChats: 20 });
    const context = await suite.browser.newContext();
    await context.grantPermissions(['notifications'], { origin: suite.hearth.url });
    // The browser's notifications are replaced by a recorder in the test browser only.
    await context.addInitScript(() => {
      const shown: Array<{ title: string; body: string; instance: { onclick: (() => void) | null } }> = [];
      class RecordingNotification {
        static permission = 'granted';
        static requestPermission = async () => 'granted';
        onclick: (() => void) | null = null;
        constructor(title: string, options: { body?: string } = {}) {
          shown.push({ title, body: options.body ?? '', instance: this });
        }
        close() {}
      }
      Object.assign(window, { Notification: RecordingNotification, __shown: shown });
    });
    const page = await context.newPage();
    await signIn(page);
    const first = await scriptedVisitor(suite.hearth.url, me.sites[0]!.key);
    const second = await scriptedVisitor(suite.hearth.url, me.sites[0]!.key);
    const firstId = await first.say('First visitor here');
    const secondId = await second.say('Second visitor here');
    await page.goto(`${suite.hearth.url}/console/conversations/${firstId}`);
    await page.getByRole('log').getByText('First visitor here').waitFor();
    const shownTitles = () => page.evaluate(() => (window as unknown as { __shown: Array<{ title: string; body: string }> }).__shown.map((n) => `${n.title}|${n.body}`));
    await page.waitForFunction(() => document.title.includes('Hearth'));
    await second.say('Hello? Anyone there?');
    await expect.poll(shownTitles, { timeout: 5000 }).toContainEqual(expect.stringMatching(/wrote\|Hello\? Anyone there\?/));
    // A message in the conversation on screen does not notify.
    const before = (await shownTitles()).length;
    await first.say('Thanks, still here');
    await page.getByRole('log').getByText('Thanks, still here').waitFor();
    expect((await shownTitles()).filter((t) => t.includes('Thanks, still here'))).toEqual([]);
    expect((await shownTitles()).length).toBeGreaterThanOrEqual(before);
    await expect.poll(() => page.title()).toMatch(/^\(\d+\) Hearth$/);
    // Clicking it opens that conversation.
    await page.evaluate(() => {
      const shown = (window as unknown as { __shown: Array<{ title: string; instance: { onclick: (() => void) | null } }> }).__shown;
      shown.filter((n) => n.title.includes('wrote')).at(-1)!.instance.onclick!();
    });
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/console/conversations/${secondId}`);
    await page.getByRole('log').getByText('Hello? Anyone there?').waitFor();
    first.socket.disconnect();
    second.socket.disconnect();
    await context.close();
  });

  it('? opens the shortcuts help (focus kept inside, Escape closes); J and K move between conversations', async () => {
    const me = await deskLogin(suite.hearth.url);
    const context = await suite.browser.newContext();
    const page = await context.newPage();
    await signIn(page);
    const visitors = [await scriptedVisitor(suite.hearth.url, me.sites[0]!.key), await scriptedVisitor(suite.hearth.url, me.sites[0]!.key)];
    for (const [i, v] of visitors.entries()) await v.say(`Shortcut visitor ${i}`);
    await page.getByText('Shortcut visitor 1').first().waitFor();
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Shift+?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    await dialog.getByRole('cell', { name: 'Next conversation' }).waitFor();
    const focusInside = () => page.evaluate(() => !!document.activeElement?.closest('[role="dialog"]'));
    expect(await focusInside()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await focusInside()).toBe(true);
    expect(await axeViolations(page, '[role="dialog"]')).toEqual([]);
    await page.keyboard.press('Escape');
    expect(await dialog.count()).toBe(0);

    await page.keyboard.press('j');
    await expect.poll(() => page.url()).toContain('/console/conversations/');
    const firstUrl = page.url();
    await page.keyboard.press('j');
    await expect.poll(() => page.url()).not.toBe(firstUrl);
    await page.keyboard.press('k');
    await expect.poll(() => page.url()).toBe(firstUrl);
    for (const v of visitors) v.socket.disconnect();
    await context.close();
  });
});
