import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { useHearthAndChromium } from './server-process.ts';
import { axeViolations, connectAgent, conversationOf, postToFrame, widgetFrame } from './widget-helpers.ts';

const suite = useHearthAndChromium();
// Committed screenshots are refreshed on request (`HEARTH_SCREENSHOTS=1`); a plain run leaves the tree clean.
const screenshots = process.env.HEARTH_SCREENSHOTS ? fileURLToPath(new URL('../docs/screenshots/', import.meta.url)) : join(tmpdir(), 'hearth-screenshots/');

/** The accessible name of what has focus inside the frame. */
const focused = (frame: Frame) =>
  frame.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? '';
  });

async function openWithKeyboard(page: Page): Promise<Frame> {
  await page.goto(`${suite.hearth.url}/demo`);
  const launcher = page.getByRole('button', { name: /chat/i });
  await launcher.focus();
  await page.keyboard.press('Enter');
  const frame = await widgetFrame(page);
  // Opened by the visitor: focus lands in the composer.
  await frame.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Message');
  return frame;
}

describe('the widget with the keyboard only, and with axe', () => {
  it('opens from the launcher, sends, traps focus in the panel, closes with Escape back to the launcher, and rates with keys', async () => {
    const agent = await connectAgent(suite.hearth.url);
    const context = await suite.browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      const frame = await openWithKeyboard(page);
      await page.keyboard.type('Typed without a mouse');
      await page.keyboard.press('Enter');
      await frame.getByRole('log').getByText('Typed without a mouse').waitFor();

      // Focus trap: from the last tab stop (Send) Tab wraps to the first (the header's mute toggle), and back.
      await frame.getByRole('button', { name: 'Send' }).focus();
      await page.keyboard.press('Tab');
      expect(await focused(frame)).toBe('Mute notification sound');
      await page.keyboard.press('Shift+Tab');
      expect(await focused(frame)).toBe('Send');
      // A full round of Tabs never leaves the frame.
      for (let i = 0; i < 12; i++) {
        await page.keyboard.press('Tab');
        expect(await frame.evaluate(() => document.hasFocus() && document.activeElement !== document.body)).toBe(true);
      }

      // Escape closes the panel; the loader gives focus back to the launcher.
      await page.keyboard.press('Escape');
      const launcher = page.getByRole('button', { name: /chat/i });
      await page.waitForFunction(() => {
        const root = document.querySelector('hearth-widget')!.shadowRoot!;
        return root.activeElement?.classList.contains('launcher') ?? false;
      });
      expect(await launcher.getAttribute('aria-expanded')).toBe('false');

      // The agent answers and closes: the visitor reopens with the keyboard and rates with it.
      const conversationId = await conversationOf(suite.hearth.dataDir, 'Typed without a mouse');
      await agent.say(conversationId, 'Glad to help!');
      await agent.close(conversationId);
      await page.keyboard.press('Enter');
      const scale = frame.getByRole('radiogroup', { name: 'How would you rate the support you received?' });
      await scale.waitFor();
      expect(await axeViolations(frame)).toEqual([]);
      await scale.getByRole('radio', { name: '1 — Very unsatisfied' }).focus();
      await page.keyboard.press('Space');
      for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Quick and kind');
      await page.keyboard.press('Tab');
      expect(await focused(frame)).toBe('Send rating');
      await page.keyboard.press('Enter');
      await frame.getByText('Thank you for your feedback!').waitFor();
      expect(errors).toEqual([]);
    } finally {
      agent.disconnect();
      await context.close();
    }
  });

  it('has no axe violations on the launcher and the open panel in light and dark, and saves the screenshots', async () => {
    const agent = await connectAgent(suite.hearth.url);
    const context = await suite.browser.newContext({ bypassCSP: true, viewport: { width: 1100, height: 760 } });
    const page = await context.newPage();
    try {
      await page.goto(`${suite.hearth.url}/demo`);
      await page.getByRole('button', { name: /chat/i }).waitFor();
      expect(await axeViolations(page, 'hearth-widget')).toEqual([]);

      const frame = await openWithKeyboard(page);
      await page.keyboard.type('Hi! Do you ship the oak tray to Ireland?');
      await page.keyboard.press('Enter');
      await frame.getByRole('log').getByText('Do you ship the oak tray').waitFor();
      const conversationId = await conversationOf(suite.hearth.dataDir, 'Hi! Do you ship the oak tray to Ireland?');
      await agent.say(conversationId, 'We do: 3–5 days. Rates are on https://example.com/shipping');
      await frame.getByRole('log').getByRole('link', { name: 'https://example.com/shipping' }).waitFor();

      await postToFrame(page, { type: 'hearth:theme', theme: 'light' });
      await frame.waitForFunction(() => document.documentElement.dataset.theme === 'light');
      expect(await axeViolations(frame)).toEqual([]);
      await page.screenshot({ path: `${screenshots}widget-light.png` });

      await postToFrame(page, { type: 'hearth:theme', theme: 'dark' });
      await frame.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
      expect(await axeViolations(frame)).toEqual([]);
      await page.screenshot({ path: `${screenshots}widget-dark.png` });

      // Theme `auto` (the default) follows the system's dark mode.
      await postToFrame(page, { type: 'hearth:theme', theme: null });
      await page.emulateMedia({ colorScheme: 'dark' });
      await frame.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
      await page.emulateMedia({ colorScheme: 'light' });
      await frame.waitForFunction(() => document.documentElement.dataset.theme === 'light');
    } finally {
      agent.disconnect();
      await context.close();
    }
  });

  it('fills a 375 px phone screen with the panel', async () => {
    const agent = await connectAgent(suite.hearth.url);
    const context = await suite.browser.newContext({ bypassCSP: true, viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    const page = await context.newPage();
    try {
      const frame = await openWithKeyboard(page);
      await page.keyboard.type('Is the cedar candle in stock?');
      await page.keyboard.press('Enter');
      await frame.getByRole('log').getByText('Is the cedar candle in stock?').waitFor();
      const box = await page.locator('hearth-widget iframe').boundingBox();
      expect(box).toMatchObject({ x: 0, y: 0, width: 375, height: 812 });
      // Nothing in the panel overflows sideways at this width.
      expect(await frame.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      expect(await axeViolations(frame)).toEqual([]);
      await page.screenshot({ path: `${screenshots}widget-mobile.png` });
    } finally {
      agent.disconnect();
      await context.close();
    }
  });
});
