import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { useHearthAndChromium } from './server-process.ts';
import { snippet, useShop } from './shop-server.ts';
import { connectAgent, conversationOf, widgetFrame } from './widget-helpers.ts';

/**
 * Issue 16 item 11: the chime on the visitor's second page of the shop (the frame preloaded, hidden,
 * because a conversation is under way; the visitor has clicked the page, never the frame). Chromium
 * runs with its default autoplay policy (launchChromium passes no autoplay flag): an AudioContext
 * in a cross-origin frame may only run if the frame is allowed autoplay and the page was activated.
 */
const suite = useHearthAndChromium();
const shop = useShop((path) => {
  const n = Number(/^\/page\/(\d+)$/.exec(path)?.[1]);
  if (!n) return null;
  return `<!doctype html><html><head><title>Shop page ${n}</title></head><body><h1>Shop page ${n}</h1>
<p id="text" style="height:600px">Our candles are poured by hand.</p>${snippet(suite.hearth.url)}</body></html>`;
});
let agent: Awaited<ReturnType<typeof connectAgent>>;
beforeAll(async () => {
  agent = await connectAgent(suite.hearth.url);
});
afterAll(() => agent?.disconnect());

/** Records every AudioContext the widget frame creates (window.__contexts), from the frame's first line. */
async function recordAudioContexts(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    if (!location.pathname.endsWith('/widget/frame.html')) return;
    const w = window as unknown as { __contexts: AudioContext[]; AudioContext: typeof AudioContext };
    const Original = w.AudioContext;
    w.__contexts = [];
    w.AudioContext = class extends Original {
      constructor(options?: AudioContextOptions) {
        super(options);
        w.__contexts.push(this);
      }
    };
  });
}
const states = (frame: Frame) => frame.evaluate(() => (window as unknown as { __contexts: AudioContext[] }).__contexts.map((c) => c.state));

/** Page 1: the visitor writes, then closes the panel; page 2 loads with the frame preloaded and hidden. */
async function onSecondPage(body: string): Promise<{ p: Page; frame: Frame; conversationId: string }> {
  const context = await suite.browser.newContext();
  onTestFinished(() => context.close());
  await recordAudioContexts(context);
  const p = await context.newPage();
  await p.goto(`${shop.url}/page/1`);
  const launcher = p.locator('hearth-widget').locator('button.launcher');
  await launcher.click();
  const panel = p.frameLocator('iframe[title="Hearth chat"]');
  const box = panel.getByRole('textbox', { name: 'Message' });
  await box.fill(body);
  await box.press('Enter');
  const conversationId = await conversationOf(suite.hearth.dataDir, body);
  await panel.getByRole('log').getByText(body).waitFor();
  await launcher.click();
  await p.locator('hearth-widget').locator('.panel.open').waitFor({ state: 'detached' });
  // Typed or bookmarked, not a click on a link: no user activation carried over to the new page.
  await p.goto(`${shop.url}/page/2`);
  expect(await p.locator('hearth-widget').locator('.panel.open').count()).toBe(0);
  const frame = await widgetFrame(p);
  // The preloaded frame has synced the conversation: a new agent message will be live news.
  await frame.getByRole('log').getByText(body).waitFor({ state: 'attached' });
  return { p, frame, conversationId };
}

describe('the chime on the second page of a visit (issue 16 item 11)', () => {
  it('the visitor clicked the page: the agent message chimes with a running AudioContext', async () => {
    const { p, frame, conversationId } = await onSecondPage('Do you ship to Norway?');
    expect(await p.locator('hearth-widget').locator('iframe').getAttribute('allow')).toBe('autoplay');
    await p.locator('#text').click();
    await agent.say(conversationId, 'Yes, in 3 to 5 days.');
    await expect.poll(() => states(frame)).toEqual(['running']);
    // The badge tells of it too.
    await p.locator('hearth-widget').locator('.badge:not([hidden])').waitFor();
  });
});
