import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { openDatabase } from '@hearth/db';
import { useHearthAndChromium } from './server-process.ts';
import { signInToConsole } from './hearth-api.ts';

/**
 * `window.Hearth(...)` on a customer page (its own origin, as on a real site): every command and
 * event, including calls queued by the snippet before the loader arrives.
 */
const suite = useHearthAndChromium();
let shop: Server;
let shopUrl: string;

// The README's snippet, then calls made before widget.js has loaded; `log` records the events.
const page = (hearthUrl: string) => `<!doctype html><html><head><title>Ember shop</title></head>
<body style="margin: 0px;"><h1>Ember shop</h1><p style="height:3000px">A long page.</p>
<script>
window.Hearth = window.Hearth || function () { (Hearth.q = Hearth.q || []).push(arguments); };
window.log = [];
window.titles = [];
new MutationObserver(function () { titles.push(document.title); }).observe(document.head, { subtree: true, childList: true, characterData: true });
Hearth('on', 'ready', function () { log.push('ready'); });
Hearth('on', 'open', function () { throw new Error('a bug in the host page listener'); });
['open', 'close', 'message:received', 'message:sent', 'conversation:started', 'conversation:closed', 'unread:changed'].forEach(function (name) {
  Hearth('on', name, function (data) { log.push(data === undefined ? name : name + ' ' + JSON.stringify(data)); });
});
Hearth('set', { plan: 'pro', seats: 3 });
Hearth('track', 'cart', { value: 84, currency: 'EUR', items: [{ sku: 'cedar' }, { sku: 'mug' }] });
Hearth('shout');
Hearth('set', 'plan=pro');
Hearth('set', { 'bad key': 1 });
</script>
<script async src="${hearthUrl}/widget.js" data-site="demo"></script></body></html>`;

beforeAll(async () => {
  const html = page(suite.hearth.url);
  shop = createServer((req, res) =>
    req.url === '/' ? res.writeHead(200, { 'content-type': 'text/html' }).end(html) : res.writeHead(404).end(),
  );
  await new Promise<void>((resolve) => shop.listen(0, '127.0.0.1', resolve));
  const address = shop.address();
  // "localhost", not 127.0.0.1: a different origin from Hearth's.
  shopUrl = `http://localhost:${typeof address === 'object' && address ? address.port : 0}/`;
});
afterAll(async () => {
  await new Promise((r) => shop?.close(r));
});

interface Visit {
  context: BrowserContext;
  page: Page;
  warnings: string[];
  errors: string[];
}

async function visit(options: Parameters<typeof suite.browser.newContext>[0] = {}): Promise<Visit> {
  const context = await suite.browser.newContext(options);
  // In every document of the widget frame, from its first line: what the loader posts to it.
  await context.addInitScript(() => {
    if (!location.pathname.endsWith('/widget/frame.html')) return;
    const w = window as unknown as { received: unknown[] };
    w.received = [];
    addEventListener('message', (e) => w.received.push(e.data));
  });
  const tab = await context.newPage();
  const warnings: string[] = [];
  const errors: string[] = [];
  tab.on('console', (m) => m.type() === 'warning' && m.text().startsWith('[hearth]') && warnings.push(m.text()));
  tab.on('pageerror', (e) => errors.push(e.message));
  await tab.goto(shopUrl);
  return { context, page: tab, warnings, errors };
}

const launcher = (p: Page) => p.locator('hearth-widget').locator('button.launcher');
const panelOpen = (p: Page) => p.locator('hearth-widget').locator('.panel.open');
const log = (p: Page) => p.evaluate(() => (window as unknown as { log: string[] }).log.slice());
const hearth = (p: Page, ...args: unknown[]) => p.evaluate((a) => (window as unknown as { Hearth: (...x: unknown[]) => void }).Hearth(...a), args);

/** The widget frame (its recorder was installed by visit()). */
async function widgetFrame(p: Page): Promise<Frame> {
  await p.locator('iframe[title="Hearth chat"]').waitFor({ state: 'attached' });
  await expect.poll(() => p.frames().some((f) => f.url().includes('/widget/frame.html'))).toBe(true);
  const frame = p.frames().find((f) => f.url().includes('/widget/frame.html'))!;
  await frame.waitForFunction(() => 'received' in window);
  return frame;
}
const received = (f: Frame, from = 0) => f.evaluate((n) => (window as unknown as { received: Array<{ type: string }> }).received.slice(n), from);

function setAppearance(appearance: Record<string, unknown>): void {
  const db = openDatabase(join(suite.hearth.dataDir, 'hearth.db'));
  const row = db.sqlite.prepare("select settings from sites where key = 'demo'").get() as { settings: string };
  const settings = { ...JSON.parse(row.settings), appearance };
  db.sqlite.prepare("update sites set settings = ? where key = 'demo'").run(JSON.stringify(settings));
  db.close();
}

describe('Hearth JS API', () => {
  it('replays calls queued before the loader, fires ready/open/close, contains a throwing listener, and warns about bad calls', async () => {
    const { context, page: p, warnings, errors } = await visit();
    await expect.poll(() => log(p)).toContain('ready');
    expect(warnings).toEqual([
      '[hearth] unknown command: shout (see the README, "Widget JS API")',
      '[hearth] attributes must be a plain object',
      '[hearth] attributes: bad key "bad key" (like plan or account.id)',
    ]);
    // A late 'ready' listener is called at once.
    await p.evaluate(() => (window as unknown as { Hearth: (...a: unknown[]) => void }).Hearth('on', 'ready', () => (window as unknown as { log: string[] }).log.push('late ready')));
    expect(await log(p)).toEqual(['ready', 'late ready']);

    await hearth(p, 'open');
    await panelOpen(p).waitFor();
    const frame = await widgetFrame(p);
    // The ready handshake: the state so far, queued calls included.
    await expect.poll(async () => (await received(frame)).map((m) => m.type)).toEqual([
      'hearth:identify',
      'hearth:stored',
      'hearth:attributes',
      'hearth:page',
      'hearth:open',
      'hearth:track',
    ]);
    expect((await received(frame))[2]).toEqual({ type: 'hearth:attributes', attributes: { plan: 'pro', seats: 3 } });
    await hearth(p, 'close');
    await panelOpen(p).waitFor({ state: 'detached' });
    await hearth(p, 'toggle');
    await panelOpen(p).waitFor();
    await hearth(p, 'toggle');
    await panelOpen(p).waitFor({ state: 'detached' });
    await expect.poll(() => log(p)).toEqual(['ready', 'late ready', 'open', 'close', 'open', 'close']);
    expect(await received(frame, 6)).toEqual([{ type: 'hearth:closed' }, { type: 'hearth:open', focus: true }, { type: 'hearth:closed' }]);

    // show / hide: hide also closes the panel.
    await hearth(p, 'open');
    await panelOpen(p).waitFor();
    await hearth(p, 'hide');
    await panelOpen(p).waitFor({ state: 'detached' });
    await launcher(p).waitFor({ state: 'hidden' });
    await hearth(p, 'show');
    await launcher(p).waitFor({ state: 'visible' });

    // off: a removed listener hears nothing more, the others still do.
    await p.evaluate(() => {
      const w = window as unknown as { Hearth: (...x: unknown[]) => void; offLog: string[]; offListener: () => void };
      w.offLog = [];
      w.offListener = () => w.offLog.push('open');
      w.Hearth('on', 'open', w.offListener);
    });
    await hearth(p, 'open');
    await panelOpen(p).waitFor();
    await hearth(p, 'close');
    await p.evaluate(() => {
      const w = window as unknown as { Hearth: (...x: unknown[]) => void; offListener: () => void };
      w.Hearth('off', 'open', w.offListener);
    });
    await hearth(p, 'open');
    await panelOpen(p).waitFor();
    await expect.poll(() => log(p)).toEqual(['ready', 'late ready', 'open', 'close', 'open', 'close', 'open', 'close', 'open', 'close', 'open']);
    expect(await p.evaluate(() => (window as unknown as { offLog: string[] }).offLog)).toEqual(['open']);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('forwards identify, set, track, setLocale and setTheme to the frame; checks their arguments first', async () => {
    const { context, page: p, warnings } = await visit();
    await launcher(p).click();
    const frame = await widgetFrame(p);
    await expect.poll(async () => (await received(frame)).length).toBe(6); // the ready handshake
    // Queued before load: the cart's line items arrive as a count, and the visit keeps the event.
    const stored = (await p.evaluate(() => sessionStorage.getItem('hearth:tracks:demo') ?? '')).split('\n').map((line) => JSON.parse(line));
    expect(stored).toMatchObject([{ name: 'cart', props: { value: 84, currency: 'EUR', items: 2 } }]);
    expect(stored[0].id).toMatch(/^[a-z0-9]{8,}$/);

    await hearth(p, 'set', { seats: 4, trial: null });
    await hearth(p, 'track', 'viewed_pricing');
    await hearth(p, 'setLocale', 'de-AT');
    await hearth(p, 'setTheme', 'dark');
    await hearth(p, 'identify', { id: 42 });
    await hearth(p, 'track', 'x'.repeat(65));
    await hearth(p, 'setLocale', 'fr');
    await hearth(p, 'setTheme', 'neon');
    await hearth(p, 'set', { note: 'x'.repeat(501) });
    await hearth(p, 'on', 'opened', 'not a function either');
    await expect.poll(async () => (await received(frame, 6)).length).toBe(4);
    const [attributes, track, locale, theme] = await received(frame, 6);
    expect(attributes).toEqual({ type: 'hearth:attributes', attributes: { seats: 4, trial: null } });
    expect(track).toMatchObject({ type: 'hearth:track', event: { name: 'viewed_pricing' } });
    expect(locale).toEqual({ type: 'hearth:locale', locale: 'de' });
    expect(theme).toEqual({ type: 'hearth:theme', theme: 'dark' });
    expect(warnings.slice(3)).toEqual([
      '[hearth] identify: id must be text (≤ 256 chars)',
      '[hearth] track needs a name (≤ 64 chars)',
      '[hearth] setLocale: en, de, es or null',
      '[hearth] setTheme: light, dark, auto or null',
      '[hearth] attributes.note: text (≤ 500 chars), a number, true/false or null',
      '[hearth] on/off: unknown event "opened"',
    ]);
    // A new user: the frame starts over (a new document) and hears of it in the handshake, with
    // only the identity's known fields.
    await hearth(p, 'identify', { id: 'u-1', name: 'Ana', email: 'ana@shop.test', attributes: { plan: 'pro' }, secret: 'not forwarded' });
    const identity = { id: 'u-1', name: 'Ana', email: 'ana@shop.test', attributes: { plan: 'pro' } };
    await expect.poll(() => received(frame)).toContainEqual({ type: 'hearth:identify', identity });
    // The launcher speaks the chosen language; the prompt follows the chosen theme.
    await hearth(p, 'close');
    await p.getByRole('button', { name: 'Chatten Sie mit uns' }).waitFor();
    expect(await p.locator('hearth-widget').getAttribute('data-theme')).toBe('dark');
    await hearth(p, 'setLocale', null);
    await p.getByRole('button', { name: 'Chat with us' }).waitFor();
    await context.close();
  });

  it("re-emits the frame's widget events to host listeners, as copies", async () => {
    const { context, page: p, errors } = await visit();
    await launcher(p).click();
    const frame = await widgetFrame(p);
    // What the panel posts for the host's listeners (protocol embed.ts, hearth:event).
    await frame.evaluate((host) => {
      const data = { conversationId: 'c-1', body: 'Hello!', author: 'agent', authorName: 'Maya' };
      for (const name of ['conversation:started', 'message:sent', 'message:received', 'conversation:closed']) {
        parent.postMessage({ type: 'hearth:event', name, data }, host);
      }
      parent.postMessage({ type: 'hearth:event', name: 'made:up', data }, host);
    }, new URL(shopUrl).origin);
    const data = '{"conversationId":"c-1","body":"Hello!","author":"agent","authorName":"Maya"}';
    await expect
      .poll(() => log(p))
      .toEqual(['ready', 'open', `conversation:started ${data}`, `message:sent ${data}`, `message:received ${data}`, `conversation:closed ${data}`]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("agents' messages while the panel is closed: the chat stays closed, the badge, title prefix and unread:changed count them, the host's own title changes are kept, opening clears it all", async () => {
    const agentContext = await suite.browser.newContext();
    const agent = await agentContext.newPage();
    await signInToConsole(agent, suite.hearth.url);
    await agent.getByText('Connected').waitFor();

    const { context, page: p, errors } = await visit();
    await launcher(p).click();
    const panel = p.frameLocator('iframe[title="Hearth chat"]');
    const box = panel.getByRole('textbox', { name: 'Message' });
    await box.fill('Do you ship to Ireland?');
    await box.press('Enter');
    await panel.getByText('Do you ship to Ireland?').waitFor();
    await hearth(p, 'close');
    await p.evaluate(() => ((window as unknown as { titles: string[] }).titles.length = 0));

    await agent.getByText('Do you ship to Ireland?').first().click();
    const reply = agent.getByRole('textbox', { name: 'Reply' });
    await reply.fill('We do, in 3 days.');
    await reply.press('Enter');
    // The chat stays closed: the badge, the title prefix and unread:changed tell the visitor.
    await expect.poll(() => log(p)).toContain('unread:changed {"count":1}');
    await p.getByRole('button', { name: 'Chat with us, 1 unread' }).waitFor();
    expect(await p.locator('hearth-widget').locator('.badge').textContent()).toBe('1');
    await expect.poll(() => p.title()).toBe('(1) Ember shop');
    // A single-page app renames its page: the prefix moves onto the new title.
    await p.evaluate(() => (document.title = 'Checkout — Ember shop'));
    await expect.poll(() => p.title()).toBe('(1) Checkout — Ember shop');
    await reply.fill('Free over €50.');
    await reply.press('Enter');
    await expect.poll(() => p.title()).toBe('(2) Checkout — Ember shop');
    expect(await p.locator('hearth-widget').locator('.badge').textContent()).toBe('2');
    expect(await log(p)).not.toContain('unread:changed {"count":0}');
    // Opening shows both replies and clears the count everywhere, restoring the host's own title exactly.
    await launcher(p).click();
    await panel.getByText('Free over €50.', { exact: true }).waitFor();
    await panel.getByText('We do, in 3 days.', { exact: true }).waitFor();
    await expect.poll(() => p.title()).toBe('Checkout — Ember shop');
    await expect.poll(() => log(p)).toContain('unread:changed {"count":0}');
    await expect(p.locator('hearth-widget').locator('.badge').isHidden()).resolves.toBe(true);
    const titles = await p.evaluate(() => (window as unknown as { titles: string[] }).titles.slice());
    expect(titles[0]).toBe('(1) Ember shop');
    expect(titles.at(-1)).toBe('Checkout — Ember shop');
    expect(titles.filter((t) => /^\(\d+\) \(/.test(t) || t.startsWith('(0)'))).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
    await agentContext.close();
  });

  it('reset forgets the visitor on this device and tells the frame, loading it if need be', async () => {
    const { context, page: p } = await visit();
    await launcher(p).click();
    const frame = await widgetFrame(p);
    await expect.poll(() => p.evaluate(() => sessionStorage.getItem('hearth:tracks:demo'))).not.toBeNull();
    // The frame has its session (kept in the host's storage: a third-party frame has none of its own).
    await expect.poll(() => p.evaluate(() => localStorage.getItem('hearth:token:demo'))).toMatch(/^v1\./);
    const tokenBefore = await p.evaluate(() => localStorage.getItem('hearth:token:demo'));
    await p.evaluate(() => {
      localStorage.setItem('hearth:outbox:demo', '[]');
      localStorage.setItem('hearth:active:demo', '1');
    });
    await hearth(p, 'reset');
    await expect.poll(async () => (await received(frame)).map((m) => m.type)).toContain('hearth:reset');
    const left = await p.evaluate(() =>
      ['hearth:token:demo', 'hearth:outbox:demo', 'hearth:active:demo'].map((k) => localStorage.getItem(k)).concat(sessionStorage.getItem('hearth:tracks:demo')),
    );
    // The old visitor's token is gone; the frame may already have stored a fresh anonymous one
    // (and an empty outbox) by now, depending on how fast its new session came back.
    expect(left[0]).not.toBe(tokenBefore);
    expect([null, '[]']).toContain(left[1]);
    expect(left.slice(2)).toEqual([null, null]);
    await context.close();

    // Before any frame exists (a frame with storage of its own still holds the token there): the
    // loader loads it hidden, and reset is the first thing it hears.
    const later = await visit();
    await expect.poll(() => log(later.page)).toContain('ready');
    await hearth(later.page, 'reset');
    const hidden = await widgetFrame(later.page);
    await expect.poll(async () => (await received(hidden)).map((m) => m.type).slice(0, 2)).toEqual(['hearth:reset', 'hearth:identify']);
    await expect(panelOpen(later.page).count()).resolves.toBe(0);
    await later.context.close();
  });

  it('below 640 px the open panel fills the screen, the launcher hides and the page does not scroll; all restored on close', async () => {
    const { context, page: p } = await visit({ viewport: { width: 375, height: 700 } });
    await launcher(p).waitFor();
    const styles = () => p.evaluate(() => [document.documentElement.getAttribute('style'), document.body.getAttribute('style')]);
    expect(await styles()).toEqual([null, 'margin: 0px;']);
    await launcher(p).click();
    await panelOpen(p).waitFor();
    await expect.poll(() => p.locator('iframe[title="Hearth chat"]').boundingBox()).toEqual({ x: 0, y: 0, width: 375, height: 700 });
    await expect(launcher(p).isHidden()).resolves.toBe(true);
    const overflow = () => p.evaluate(() => [getComputedStyle(document.documentElement).overflowY, getComputedStyle(document.body).overflowY]);
    expect(await overflow()).toEqual(['hidden', 'hidden']);
    await p.keyboard.press('Escape');
    await panelOpen(p).waitFor({ state: 'detached' });
    expect(await styles()).toEqual([null, 'margin: 0px;']);
    expect(await overflow()).toEqual(['visible', 'visible']);
    await context.close();
  });

  it("draws the launcher in the site's look (AA text color, left side, label), from this device's copy on the next visit", async () => {
    setAppearance({ brandColor: '#fde047', position: 'left', launcherLabel: 'Questions? Ask us', theme: 'light' });
    const { context, page: p, errors } = await visit();
    const button = p.getByRole('button', { name: 'Questions? Ask us' });
    await button.waitFor();
    const look = () =>
      button.evaluate((b: HTMLElement) => {
        const s = getComputedStyle(b);
        return { background: s.backgroundColor, color: s.color, tooltip: b.title, left: b.getBoundingClientRect().left };
      });
    // The launcher draws at once in the default look and blends into the site's look (0.3 s).
    await expect.poll(look, { timeout: 3000 }).toEqual({ background: 'rgb(253, 224, 71)', color: 'rgb(17, 24, 39)', tooltip: 'Questions? Ask us', left: 20 });
    await button.click();
    expect((await p.locator('iframe[title="Hearth chat"]').boundingBox())!.x).toBe(20);
    await hearth(p, 'close');

    // axe on the host page with the launcher drawn.
    await p.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core') });
    const violations = await p.evaluate(async () => (await (window as unknown as { axe: { run: (n: unknown) => Promise<{ violations: Array<{ id: string }> }> } }).axe.run(document.querySelector('hearth-widget'))).violations.map((v) => v.id));
    expect(violations).toEqual([]);

    // Next visit, with the config slow to arrive: the launcher is drawn at once from the stored look.
    await p.route('**/api/widget/config*', async (route) => {
      await new Promise((r) => setTimeout(r, 4000));
      await route.continue().catch(() => {});
    });
    await p.reload();
    await button.waitFor({ timeout: 1000 });
    // Within the config's 4 s delay, so the look comes from this device's copy.
    await expect.poll(look, { timeout: 2000 }).toMatchObject({ background: 'rgb(253, 224, 71)', left: 20 });
    expect(errors).toEqual([]);
    await context.close();

    // A first visit whose config never comes draws the default launcher after a short wait.
    const fresh = await suite.browser.newContext();
    const first = await fresh.newPage();
    await first.route('**/api/widget/config*', (route) => route.abort());
    await first.goto(shopUrl);
    await first.getByRole('button', { name: 'Chat with us' }).waitFor();
    await fresh.close();
    setAppearance({});
  });
});
