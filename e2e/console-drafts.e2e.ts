import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useHearthAndChromium } from './server-process.ts';
import { signInToConsole } from './hearth-api.ts';
import { deskLogin, scriptedVisitor } from './desk-support.ts';

const suite = useHearthAndChromium();

const reply = (page: Page) => page.locator('#reply');
/** Opens the conversation whose inbox row shows `row` (its latest message), and waits for its log. */
const open = async (page: Page, row: string, log = row) => {
  await page.getByRole('navigation', { name: 'Inbox' }).getByText(row).first().click();
  await page.getByRole('log').getByText(log).first().waitFor();
};

/** Issue 17: drafts are kept per conversation while switching; the composer never loses text on reconnect. */
describe('reply drafts in the console', () => {
  it('keep per conversation (with the note mode) across switching, other pages, a dropped connection and a reload; go on sign-out', async () => {
    const me = await deskLogin(suite.hearth.url);
    const site = me.sites[0]!;
    const ann = await scriptedVisitor(suite.hearth.url, site.key);
    const ben = await scriptedVisitor(suite.hearth.url, site.key);
    await ann.say('Ann asks about oak trays');
    await ben.say('Ben asks about candles');
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await signInToConsole(page, suite.hearth.url);
    await page.getByRole('status').getByText('Connected').waitFor();

    await open(page, 'Ann asks about oak trays');
    await reply(page).fill('Hi Ann, the oak trays');
    await open(page, 'Ben asks about candles');
    expect(await reply(page).inputValue()).toBe('');
    await page.getByRole('radio', { name: 'Internal note' }).click();
    await reply(page).fill('Ben ordered twice already');
    await open(page, 'Ann asks about oak trays');
    expect(await reply(page).inputValue()).toBe('Hi Ann, the oak trays');
    expect(await page.getByRole('radio', { name: 'Reply' }).getAttribute('aria-checked')).toBe('true');
    await open(page, 'Ben asks about candles');
    expect(await reply(page).inputValue()).toBe('Ben ordered twice already');
    expect(await page.getByRole('radio', { name: 'Internal note' }).getAttribute('aria-checked')).toBe('true');

    // Another page and back.
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Replies' }).click();
    await page.getByRole('heading', { name: 'Canned replies' }).waitFor();
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Inbox' }).click();
    expect(await reply(page).inputValue()).toBe('Ben ordered twice already');

    // The connection drops and comes back while Ann's reply is being written: nothing typed is lost.
    await open(page, 'Ann asks about oak trays');
    await context.setOffline(true);
    await page.getByRole('status').getByText('Reconnecting…').waitFor();
    await reply(page).press('End');
    await reply(page).pressSequentially(' are back in stock');
    await context.setOffline(false);
    await page.getByRole('status').getByText('Connected').waitFor();
    await page.getByRole('log').getByText('Ann asks about oak trays').waitFor();
    expect(await reply(page).inputValue()).toBe('Hi Ann, the oak trays are back in stock');

    // A reload (or a new sign-in after the session ended) brings the drafts back.
    await page.reload();
    await page.getByRole('log').getByText('Ann asks about oak trays').waitFor();
    expect(await reply(page).inputValue()).toBe('Hi Ann, the oak trays are back in stock');

    // Sending clears the draft, and the visitor gets the whole text.
    const received = new Promise<string>((resolve) => ann.socket.on('message:created', (m: { body: string; authorType: string }) => m.authorType === 'agent' && resolve(m.body)));
    await reply(page).press('Enter');
    expect(await received).toBe('Hi Ann, the oak trays are back in stock');
    await open(page, 'Ben asks about candles');
    await open(page, 'Hi Ann, the oak trays are back in stock', 'Ann asks about oak trays');
    expect(await reply(page).inputValue()).toBe('');

    // Signing out forgets the drafts (the next person at this browser must not see them).
    await page.getByRole('button', { name: /account menu/ }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Password').waitFor();
    expect(await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('hearth:console-drafts') && sessionStorage.getItem(k) !== '{}'))).toEqual([]);
    ann.socket.disconnect();
    ben.socket.disconnect();
    await context.close();
  });
});
