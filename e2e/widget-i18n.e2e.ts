import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useHearthAndChromium } from './server-process.ts';
import { openWidget } from './hearth-api.ts';
import { connectAgent, conversationOf, queryDb, widgetFrame } from './widget-helpers.ts';

const suite = useHearthAndChromium();

const sql = <T>(statement: string, ...params: unknown[]): T[] => queryDb<T>(suite.hearth.dataDir, statement, ...params);
const visitorRow = (name: string) => sql<{ id: string; email: string | null; attributes: string | null }>('select id, email, attributes from visitors where name = ?', name);

/** Collects what the frame tells the host page's `Hearth('on', ...)` listeners. */
const recordHostEvents = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { hostEvents: unknown[] };
    w.hostEvents = [];
    addEventListener('message', (e) => {
      if ((e.data as { type?: string })?.type === 'hearth:event') w.hostEvents.push(e.data);
    });
  });
const hostEvents = (page: Page) => page.evaluate(() => (window as unknown as { hostEvents: Array<{ name: string; data: Record<string, unknown> }> }).hostEvents);

describe('the panel speaks the visitor\'s language and announces what arrives', () => {
  it('follows the browser language (de-DE), then Hearth(\'setLocale\', \'es\') live, with dates in that locale', async () => {
    const agent = await connectAgent(suite.hearth.url);
    const context = await suite.browser.newContext({ locale: 'de-DE' });
    const page = await context.newPage();
    try {
      const panel = await openWidget(page, suite.hearth.url);
      await panel.getByText('Wir antworten meist innerhalb weniger Minuten').waitFor();
      const box = panel.getByRole('textbox', { name: 'Nachricht' });
      await box.fill('Hallo!');
      await box.press('Enter');
      await panel.getByRole('log', { name: 'Nachrichten' }).getByText('Hallo!').waitFor();
      const frame = await widgetFrame(page);
      expect(await frame.evaluate(() => document.documentElement.lang)).toBe('de');

      // The host page's `Hearth('setLocale', 'es')`: the loader passes it on, the panel re-renders in place.
      await page.evaluate(() => (window as unknown as { Hearth: (...a: unknown[]) => void }).Hearth('setLocale', 'es'));
      await panel.getByText('Solemos responder en pocos minutos').waitFor();
      await panel.getByRole('textbox', { name: 'Mensaje' }).waitFor();
      await panel.getByRole('button', { name: 'Cerrar el chat' }).waitFor();
      // Times are formatted by Intl in the chosen locale (the bubble's tooltip).
      const title = await panel.getByRole('log').locator('.bubble').first().getAttribute('title');
      const expected = await frame.evaluate(() => new Intl.DateTimeFormat('es', { hour: '2-digit', minute: '2-digit' }).format(0).replace(/\d/g, '0'));
      expect(title!.replace(/\d/g, '0')).toBe(expected);

      // null: back to the browser's language.
      await page.evaluate(() => (window as unknown as { Hearth: (...a: unknown[]) => void }).Hearth('setLocale', null));
      await panel.getByRole('textbox', { name: 'Nachricht' }).waitFor();
    } finally {
      agent.disconnect();
      await context.close();
    }
  });

  it('German from the first paint (its strings are a chunk of their own); an English visitor fetches no lazy chunk on opening', async () => {
    const lazyChunk = /\/widget\/assets\/(de|es|EmojiGrid|CsatCard|ContactForm|transcript-text)-/;
    const german = await suite.browser.newContext({ locale: 'de-DE' });
    const english = await suite.browser.newContext({ locale: 'en-US' });
    const agent = await connectAgent(suite.hearth.url);
    try {
      // Opened directly (not framed by a site), the panel only says where it belongs: in German, never English first.
      const page = await german.newPage();
      const fetched: string[] = [];
      page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
      await page.addInitScript(() => {
        const w = window as unknown as { painted: string[] };
        w.painted = [];
        new MutationObserver(() => {
          const text = document.getElementById('app')?.textContent;
          if (text) w.painted.push(text);
        }).observe(document, { subtree: true, childList: true, characterData: true });
      });
      await page.goto(`${suite.hearth.url}/widget/frame.html`);
      await page.getByText('Dieser Chat öffnet sich nur auf der Website, zu der er gehört.').waitFor();
      expect(await page.evaluate(() => (window as unknown as { painted: string[] }).painted)).toEqual(['Dieser Chat öffnet sich nur auf der Website, zu der er gehört.']);
      expect(fetched.filter((path) => lazyChunk.test(path)).map((path) => path.match(lazyChunk)![1])).toEqual(['de']);

      const shop = await english.newPage();
      const shopFetched: string[] = [];
      shop.on('request', (r) => shopFetched.push(new URL(r.url()).pathname));
      const panel = await openWidget(shop, suite.hearth.url);
      await panel.getByRole('textbox', { name: 'Message' }).waitFor();
      await panel.getByText('We typically reply in a few minutes').waitFor();
      expect(shopFetched.filter((path) => lazyChunk.test(path))).toEqual([]);
    } finally {
      agent.disconnect();
      await german.close();
      await english.close();
    }
  });

  it('announces a new agent message once, opens links in a new tab safely, tells the host page, and does not re-announce history', async () => {
    const agent = await connectAgent(suite.hearth.url);
    const context = await suite.browser.newContext();
    const page = await context.newPage();
    try {
      const panel = await openWidget(page, suite.hearth.url);
      await recordHostEvents(page);
      const box = panel.getByRole('textbox', { name: 'Message' });
      await box.fill('Where is my parcel?');
      await box.press('Enter');
      await panel.getByRole('log').getByText('Where is my parcel?').waitFor();
      // Acknowledged first, so the host page's events come in a known order.
      await expect.poll(async () => (await hostEvents(page)).map((e) => e.name)).toEqual(['conversation:started', 'message:sent']);
      const conversationId = await conversationOf(suite.hearth.dataDir, 'Where is my parcel?');
      await agent.say(conversationId, 'Track it at https://example.com/track?id=7 please');

      const live = panel.locator('[aria-live="polite"][role="status"].sr-only');
      await expect.poll(() => live.textContent()).toBe('New message from Owner: Track it at https://example.com/track?id=7 please');
      // The log itself is not live (it would read the whole history), the announcer is.
      expect(await panel.getByRole('log').getAttribute('aria-live')).toBe('off');

      const link = panel.getByRole('log').getByRole('link', { name: 'https://example.com/track?id=7' });
      expect(await link.getAttribute('target')).toBe('_blank');
      expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
      expect(await link.getAttribute('href')).toBe('https://example.com/track?id=7');

      await agent.close(conversationId);
      await expect.poll(async () => (await hostEvents(page)).map((e) => e.name)).toEqual(['conversation:started', 'message:sent', 'message:received', 'conversation:closed']);
      const events = await hostEvents(page);
      expect(events[1]!.data).toEqual({ conversationId, body: 'Where is my parcel?', author: 'visitor', authorName: null });
      expect(events[2]!.data).toEqual({ conversationId, body: 'Track it at https://example.com/track?id=7 please', author: 'agent', authorName: 'Owner' });

      // After a reload the history is back in the log, but nothing is announced.
      await page.reload();
      const again = await openWidget(page, suite.hearth.url);
      await again.getByRole('log').getByText('Where is my parcel?').waitFor();
      expect(await again.locator('[aria-live="polite"][role="status"].sr-only').textContent()).toBe('');
    } finally {
      agent.disconnect();
      await context.close();
    }
  });

  it('inserts an emoji at the caret with the keyboard; Escape closes only the picker', async () => {
    const agent = await connectAgent(suite.hearth.url);
    const context = await suite.browser.newContext();
    const page = await context.newPage();
    try {
      const panel = await openWidget(page, suite.hearth.url);
      const frame = await widgetFrame(page);
      const box = panel.getByRole('textbox', { name: 'Message' });
      await box.fill('Thanks !');
      await box.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(7, 7));
      const toggle = panel.getByRole('button', { name: 'Insert emoji' });
      await toggle.focus();
      await page.keyboard.press('Enter');
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      const grid = panel.getByRole('group', { name: 'Emoji' });
      // The grid is a chunk of its own, fetched on the first opening (or on focus, just before).
      await grid.waitFor();
      expect(await grid.getByRole('button').count()).toBe(80);
      // Focus starts on the first emoji; Right, Right, Down lands on the 11th (8 per row).
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowDown');
      await frame.waitForFunction(() => document.activeElement === document.querySelectorAll('#emoji-grid button')[10]);
      const picked = await frame.evaluate(() => document.activeElement?.textContent ?? '');
      await page.keyboard.press('Enter');
      await expect.poll(() => box.inputValue()).toBe(`Thanks ${picked}!`);
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      await frame.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Message');

      // Escape in the picker closes it and returns focus to its button; the panel stays open.
      await toggle.focus();
      await page.keyboard.press('Enter');
      await grid.waitFor();
      await page.keyboard.press('Escape');
      await grid.waitFor({ state: 'detached' });
      // Escape with focus still on the picker's button (as while the grid's chunk arrives) also
      // closes only the picker.
      await page.keyboard.press('Enter');
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      await page.keyboard.press('Escape');
      await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
      expect(await frame.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Insert emoji');
      expect(await page.getByRole('button', { name: /chat/i }).getAttribute('aria-expanded')).toBe('true');
      await box.press('Enter');
      await panel.getByRole('log').getByText(`Thanks ${picked}!`).waitFor();
    } finally {
      agent.disconnect();
      await context.close();
    }
  });

  it('passes unverified identify and attributes to the visitor profile, and reset starts a fresh anonymous visitor', async () => {
    const agent = await connectAgent(suite.hearth.url);
    const context = await suite.browser.newContext();
    const page = await context.newPage();
    try {
      const panel = await openWidget(page, suite.hearth.url);
      const box = panel.getByRole('textbox', { name: 'Message' });
      await box.fill('Before the reset');
      await box.press('Enter');
      await panel.getByRole('log').getByText('Before the reset').waitFor();

      // Through the host page's API, as a site would call it (the loader checks and passes them on).
      await page.evaluate(() => (window as unknown as { Hearth: (...a: unknown[]) => void }).Hearth('identify', { name: 'Linus Unverified', email: 'linus@example.com' }));
      await page.evaluate(() => (window as unknown as { Hearth: (...a: unknown[]) => void }).Hearth('set', { plan: 'pro', seats: 3 }));
      await expect.poll(() => visitorRow('Linus Unverified').map((v) => [v.email, JSON.parse(v.attributes ?? '{}')])).toEqual([['linus@example.com', { plan: 'pro', seats: 3 }]]);
      const before = visitorRow('Linus Unverified')[0]!.id;

      await page.evaluate(() => (window as unknown as { Hearth: (...a: unknown[]) => void }).Hearth('reset'));
      await panel.getByText("Hi there! Ask us anything — we'll reply right here.").waitFor();
      expect(await panel.getByRole('log').getByText('Before the reset').count()).toBe(0);
      await box.fill('After the reset');
      await box.press('Enter');
      await panel.getByRole('log').getByText('After the reset').waitFor();
      // A new visitor on this device: the old one keeps their conversation on the server only. The
      // log shows a message before the server has it (the outbox sends it): wait for the commit.
      const stored = () =>
        sql<{ body: string; visitorId: string }>(
          "select m.body, c.visitor_id as visitorId from messages m join conversations c on c.id = m.conversation_id where m.body in ('Before the reset', 'After the reset') order by m.created_at",
        );
      await expect.poll(() => stored().map((a) => a.body)).toEqual(['Before the reset', 'After the reset']);
      const authors = stored();
      expect(authors[0]!.visitorId).toBe(before);
      expect(authors[1]!.visitorId).not.toBe(before);
    } finally {
      agent.disconnect();
      await context.close();
    }
  });
});
