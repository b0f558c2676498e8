import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { useHearthAndChromium } from './server-process.ts';
import { snippet, useShop } from './shop-server.ts';
import { connectAgent, conversationOf, queryDb, widgetFrame } from './widget-helpers.ts';

/**
 * Issue 16 item 15: what the visitor must act on is scrolled into view (the CSAT card after the
 * chat ends, its comment box and send button once a score is picked), in a list long enough to
 * scroll, at 1280×800 and on a 375 px phone; "End chat" asks first.
 */
const suite = useHearthAndChromium();
const shop = useShop((path) =>
  path === '/'
    ? `<!doctype html><html><head><meta name="viewport" content="width=device-width, initial-scale=1"><title>Shop</title></head><body><h1>Shop</h1>${snippet(suite.hearth.url)}</body></html>`
    : null,
);
let agent: Awaited<ReturnType<typeof connectAgent>>;
beforeAll(async () => {
  agent = await connectAgent(suite.hearth.url);
});
afterAll(() => agent?.disconnect());

/** Where `selector` (inside the frame) is, against the visible part of the message list: fully visible or not. */
const visibleInList = (frame: Frame, selector: string) =>
  frame.evaluate((s) => {
    const list = document.querySelector('.messages')!.getBoundingClientRect();
    const el = document.querySelector(s)!.getBoundingClientRect();
    return el.top >= list.top - 1 && el.bottom <= list.bottom + 1 && el.height > 0;
  }, selector);

async function endedChatAt(viewport: { width: number; height: number }, body: string): Promise<{ p: Page; frame: Frame }> {
  const context = await suite.browser.newContext({ viewport, isMobile: viewport.width < 640, hasTouch: viewport.width < 640 });
  onTestFinished(() => context.close());
  const p = await context.newPage();
  await p.goto(`${shop.url}/`);
  await p.locator('hearth-widget').locator('button.launcher').click();
  const panel = p.frameLocator('iframe[title="Hearth chat"]');
  const box = panel.getByRole('textbox', { name: 'Message' });
  await box.fill(body);
  await box.press('Enter');
  const conversationId = await conversationOf(suite.hearth.dataDir, body);
  for (let i = 1; i <= 8; i++) await agent.say(conversationId, `Answer ${i}: let me check the stock for you, one moment please.`);
  await panel.getByRole('log').getByText('Answer 8:').waitFor();
  const frame = await widgetFrame(p);

  // "End chat" asks first; "Cancel" leaves the chat as it was.
  await panel.getByRole('button', { name: 'End chat' }).click();
  const confirm = panel.getByRole('group', { name: 'End this chat?' });
  await confirm.waitFor();
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await confirm.waitFor({ state: 'detached' });
  await p.waitForTimeout(300);
  expect(queryDb<{ status: string }>(suite.hearth.dataDir, 'select status from conversations where id = ?', conversationId)[0]!.status).toBe('open');
  await panel.getByRole('button', { name: 'End chat' }).click();
  await confirm.getByRole('button', { name: 'End chat' }).click();
  await expect.poll(() => queryDb<{ status: string }>(suite.hearth.dataDir, 'select status from conversations where id = ?', conversationId)[0]!.status).toBe('closed');
  return { p, frame };
}

describe('content the visitor must act on is scrolled into view (issue 16 item 15)', () => {
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 375, height: 740 },
  ]) {
    it(`${viewport.width} px: after "End chat" (confirmed), the CSAT question, then its comment box and send button, are in view`, async () => {
      const { p, frame } = await endedChatAt(viewport, `Where is my order? (${viewport.width} px)`);
      const panel = p.frameLocator('iframe[title="Hearth chat"]');
      const scale = panel.getByRole('radiogroup', { name: 'How would you rate the support you received?' });
      await scale.waitFor();
      await expect.poll(() => visibleInList(frame, '.csat .csat-q')).toBe(true);
      await expect.poll(() => visibleInList(frame, '.csat [role=radiogroup]')).toBe(true);
      await scale.getByRole('radio', { name: '5 — Very satisfied' }).click();
      await expect.poll(() => visibleInList(frame, '#csat-comment')).toBe(true);
      await expect.poll(() => visibleInList(frame, '.csat-actions')).toBe(true);
      if (process.env.WIDGET_SHOTS) await p.screenshot({ path: `${process.env.WIDGET_SHOTS}/csat-${viewport.width}.png` });
      await panel.getByRole('button', { name: 'Send rating' }).click();
      await panel.getByText('Thank you for your feedback!').waitFor();
      await expect.poll(() => visibleInList(frame, '.csat-thanks')).toBe(true);
    });
  }
});
