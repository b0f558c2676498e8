import { describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { useHearthAndChromium } from './server-process.ts';
import { signInToConsole } from './hearth-api.ts';
import { deskLogin } from './desk-support.ts';

const suite = useHearthAndChromium();

/**
 * Every element that shows Hebrew or Arabic text written by a person, with whether it reads right to
 * left (`:dir(rtl)`: dir="auto" or <bdi> resolved it from the text). Visually hidden live regions
 * and <option>s are left out: no direction is drawn there.
 */
function rtlTexts(target: Page | Frame): Promise<Array<{ text: string; rtl: boolean }>> {
  return target.evaluate(() => {
    const found: Array<{ text: string; rtl: boolean }> = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement!;
      if (!/[\u0590-\u08FF]/.test(node.textContent ?? '') || el.closest('option, .sr-only, .visually-hidden, [hidden]')) continue;
      found.push({ text: node.textContent!.trim().slice(0, 40), rtl: el.matches(':dir(rtl)') });
    }
    return found;
  });
}

const HEBREW_QUESTION = 'שלום, איפה ההזמנה שלי?';
const ARABIC_REPLY = 'مرحبا، طلبك في الطريق.';

describe('right-to-left text (issue 16 item 8)', () => {
  it('messages, names, notes, previews, labels and sidebar fields read right to left in the widget and the console; both composers follow what is typed', async () => {
    const me = await deskLogin(suite.hearth.url);
    const siteId = me.sites[0]!.id;
    const api = (method: string, path: string, body: unknown) =>
      fetch(`${suite.hearth.url}${path}`, { method, headers: { cookie: me.cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await api('PUT', '/api/agents/me/profile', { name: 'דנה לוי' })).status).toBe(200);
    expect((await api('POST', `/api/sites/${siteId}/labels`, { name: 'דחוף', color: '#b91c1c' })).status).toBe(201);
    expect((await api('POST', `/api/sites/${siteId}/canned-replies`, { scope: 'site', title: 'ברכה', shortcut: 'shalom', text: 'שלום!' })).status).toBe(201);

    const agentContext = await suite.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const shopContext = await suite.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const console_ = await agentContext.newPage();
    const shop = await shopContext.newPage();
    await signInToConsole(console_, suite.hearth.url);
    await console_.getByRole('button', { name: /account menu/ }).waitFor();

    await shop.goto(`${suite.hearth.url}/demo`);
    await shop.evaluate(() => {
      const hearth = (window as unknown as { Hearth: (...a: unknown[]) => void }).Hearth;
      hearth('identify', { name: 'יעל כהן' });
      hearth('set', { city: 'תל אביב' });
      hearth('track', 'צפייה_במוצר', { item: 'כוס' });
    });
    await shop.getByRole('button', { name: /chat/i }).click();
    const panel = shop.frameLocator('iframe[title="Hearth chat"]');
    const box = panel.getByRole('textbox', { name: 'Message' });
    await box.pressSequentially('שלום');
    await expect.poll(() => box.evaluate((el) => el.matches(':dir(rtl)'))).toBe(true);
    await box.fill(HEBREW_QUESTION);
    await box.press('Enter');
    await panel.getByRole('log').getByText(HEBREW_QUESTION).waitFor();

    await console_.getByText(HEBREW_QUESTION).first().click();
    const reply = console_.getByRole('textbox', { name: 'Reply' });
    await reply.pressSequentially('/shalom');
    await console_.getByRole('listbox', { name: 'Canned replies' }).getByText('ברכה').waitFor();
    const listTexts = await rtlTexts(console_);
    expect(listTexts.filter((t) => t.text === 'ברכה')).toEqual([{ text: 'ברכה', rtl: true }]);
    await reply.press('Escape');
    await reply.fill('');
    await reply.pressSequentially('مرحبا');
    await expect.poll(() => reply.evaluate((el) => el.matches(':dir(rtl)'))).toBe(true);
    await reply.fill(ARABIC_REPLY);
    await reply.press('Enter');
    await console_.getByRole('log').getByText(ARABIC_REPLY).waitFor();
    await console_.getByRole('radio', { name: 'Internal note' }).click();
    await console_.getByRole('textbox', { name: /Internal note/ }).fill('הלקוחה ממתינה למשלוח');
    await console_.getByRole('button', { name: 'Add note' }).click();
    await console_.getByRole('log').getByText('הלקוחה ממתינה למשלוח').waitFor();
    await console_.getByText('+ Label').click();
    await console_.locator('.label-options').getByRole('button', { name: 'דחוף' }).click();
    await console_.getByRole('group', { name: 'Labels' }).getByText('דחוף').waitFor();
    await console_.getByText('תל אביב').waitFor();
    await console_.getByText('צפייה_במוצר').waitFor();

    const consoleTexts = await rtlTexts(console_);
    // Names (visitor, agent, note author), the message and reply, the note, the inbox preview, the label, the sidebar's attribute and event.
    for (const text of ['יעל כהן', 'דנה לוי', HEBREW_QUESTION, ARABIC_REPLY, 'הלקוחה ממתינה למשלוח', 'דחוף', 'תל אביב', 'צפייה_במוצר']) {
      expect(consoleTexts.some((t) => t.text.startsWith(text.slice(0, 10))), text).toBe(true);
    }
    expect(consoleTexts.filter((t) => !t.rtl)).toEqual([]);

    await panel.getByRole('log').getByText(ARABIC_REPLY).waitFor();
    const frame = shop.frames().find((f) => f.url().includes('/widget/frame.html'))!;
    const widgetTexts = await rtlTexts(frame);
    for (const text of [HEBREW_QUESTION, ARABIC_REPLY, 'דנה לוי']) expect(widgetTexts.some((t) => t.text === text), text).toBe(true);
    expect(widgetTexts.filter((t) => !t.rtl)).toEqual([]);
    // The question mark is drawn at the bubble's left end, as a Hebrew reader expects.
    const bubble = panel.getByRole('log').getByText(HEBREW_QUESTION);
    expect(await bubble.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    await agentContext.close();
    await shopContext.close();
  });
});
