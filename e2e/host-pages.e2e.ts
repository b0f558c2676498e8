import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { Page } from 'playwright-core';
import { useHearthAndChromium } from './server-process.ts';
import { keepAgentOnline } from './hearth-api.ts';
import { conversationOf, queryDb } from './widget-helpers.ts';

/**
 * Issue 16 item 1: Hearth's code in the host page must not depend on the page's built-ins. Shop pages
 * on their own origin load a legacy library before the snippet (fixtures/), as real shops do; over
 * two pages of a visit the loader, its triggers and its frame link keep working and no error of
 * ours reaches the page.
 */
const suite = useHearthAndChromium();
let shop: Server;
let shopUrl: string;

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}.js`, import.meta.url), 'utf8');

/** Page `n` of the shop with `library` loaded first, a tracked cart and event, a link to the next page and a button that does nothing. */
const page = (library: string, n: number) => `<!doctype html><html><head><title>Shop page ${n}</title>
<script>${fixture(library)}</script></head>
<body><h1>Shop page ${n}</h1><p><a href="/${library}/${n + 1}">Next page</a></p>
<section><h2>Gift wrap</h2><button type="button" id="wrap">Add gift wrap</button></section>
<p style="height:2000px">A long page.</p>
<script>
window.Hearth = window.Hearth || function () { (Hearth.q = Hearth.q || []).push(arguments); };
${n === 1 ? "Hearth('track', 'cart', { value: 84, currency: 'EUR', items: [{ sku: 'cedar' }, { sku: 'mug' }] });\nHearth('track', 'viewed_gift_wrap', { tier: 'gold', when: '2026-11-30T10:00:00Z' });" : ''}
</script>
<script async src="HEARTH/widget.js" data-site="demo"></script></body></html>`;

beforeAll(async () => {
  shop = createServer((req, res) => {
    const [, library, n] = /^\/([\w.-]+)\/(\d+)$/.exec(req.url ?? '') ?? [];
    if (!library || !n) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html' }).end(page(library, Number(n)).replace('HEARTH', suite.hearth.url));
  });
  await new Promise<void>((resolve) => shop.listen(0, '127.0.0.1', resolve));
  const address = shop.address();
  // "localhost", not 127.0.0.1: a different origin from Hearth's.
  shopUrl = `http://localhost:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(async () => {
  await new Promise((r) => shop?.close(r));
});

/** Everything a page reports as an error: uncaught errors, and console errors or warnings from Hearth or a broken built-in. */
function watchErrors(p: Page): string[] {
  const errors: string[] = [];
  p.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  p.on('console', (m) => {
    if ((m.type() === 'error' || m.type() === 'warning') && /hearth|is not a function|Unexpected token/i.test(m.text())) errors.push(`${m.type()}: ${m.text()}`);
  });
  return errors;
}

const triggersListening = (p: Page) => p.waitForFunction(() => performance.getEntriesByName('hearth:triggers').length > 0);
/** A storage value as the page holds it, parsed here (with Node's JSON, not the page's). */
const stored = async (p: Page, kind: 'localStorage' | 'sessionStorage', key: string): Promise<unknown> => {
  const raw = await p.evaluate(([k, s]) => window[s as 'sessionStorage'].getItem(k), [key, kind] as const);
  return raw === null ? null : JSON.parse(raw);
};

async function rageClick(p: Page): Promise<void> {
  const box = (await p.locator('#wrap').boundingBox())!;
  for (let i = 0; i < 4; i++) await p.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/**
 * Two pages of one visit on a page with `library`: tracked events and the trigger timeline stored as
 * plain JSON (not double-encoded), the rage-click prompt on page 2, its signals beacon accepted, and
 * the chat: the events tracked before the frame loaded reach the agent with their props.
 */
async function visitTwoPages(library: string, { storageWorks = true } = {}): Promise<void> {
  const context = await suite.browser.newContext();
  onTestFinished(() => context.close());
  const p = await context.newPage();
  const errors = watchErrors(p);
  await p.goto(`${shopUrl}/${library}/1`);
  await triggersListening(p);
  if (storageWorks) {
    // One JSON record per line (see the loader's visit-tracks.ts).
    const lines = (await p.evaluate(() => sessionStorage.getItem('hearth:tracks:demo') ?? '')).split('\n');
    const tracks = lines.map((line) => JSON.parse(line) as { name: string; props: unknown });
    expect(tracks.map(({ name, props }) => ({ name, props }))).toEqual([
      { name: 'cart', props: { value: 84, currency: 'EUR', items: 2 } },
      { name: 'viewed_gift_wrap', props: { tier: 'gold', when: '2026-11-30T10:00:00Z' } },
    ]);
  }
  await Promise.all([p.waitForEvent('load'), p.getByRole('link', { name: 'Next page' }).click()]);
  await triggersListening(p);
  // The trigger evaluator runs every second: a few rounds on the second page.
  await p.waitForTimeout(2500);
  if (storageWorks) {
    const visit = (await stored(p, 'sessionStorage', 'hearth:proactive:demo')) as { id: string; timeline: Array<{ kind: string; label: string }> };
    expect(typeof visit.id).toBe('string');
    expect(visit.timeline.filter((e) => e.kind === 'page').map((e) => e.label)).toEqual([`/${library}/1`, `/${library}/2`]);
  }
  await rageClick(p);
  const prompt = p.getByRole('dialog', { name: /^Message from/ });
  await prompt.getByText('Something not working?', { exact: false }).waitFor();
  const beacon = p.waitForResponse((r) => r.url().includes('/api/widget/signals'));
  await prompt.getByRole('button', { name: 'Dismiss' }).click();
  expect((await beacon).status()).toBe(200);

  await p.getByRole('button', { name: 'Chat with us' }).click();
  const panel = p.frameLocator('iframe[title="Hearth chat"]');
  const box = panel.getByRole('textbox', { name: 'Message' });
  const body = `Hello from a ${library} page`;
  await box.fill(body);
  await box.press('Enter');
  await panel.getByText(body).waitFor();
  const conversationId = await conversationOf(suite.hearth.dataDir, body);
  if (storageWorks) {
    await expect
      .poll(() =>
        queryDb<{ name: string; props: string }>(
          suite.hearth.dataDir,
          'select e.name, e.props from visitor_events e join conversations c on c.visitor_id = e.visitor_id where c.id = ? order by e.id',
          conversationId,
        ).map((e) => ({ name: e.name, props: JSON.parse(e.props) })),
      )
      .toEqual([
        { name: 'cart', props: { value: 84, currency: 'EUR', items: 2 } },
        { name: 'viewed_gift_wrap', props: { tier: 'gold', when: '2026-11-30T10:00:00Z' } },
      ]);
  }
  expect(errors).toEqual([]);
}

describe('host pages that patch built-ins (issue 16 item 1)', () => {
  beforeAll(async () => {
    const stop = await keepAgentOnline(suite.hearth.url);
    afterAll(stop);
  });

  it('Prototype.js 1.6 (Array/String toJSON, replaced iteration methods): events, timeline, prompt, beacon and chat across two pages', async () => {
    await visitTwoPages('prototype-1.6');
  });

  it('Object.prototype extended with enumerable helpers and a toJSON', async () => {
    await visitTwoPages('object-prototype');
  });

  it('JSON wrapped (replacer dropped) on a page whose arrays have a toJSON', async () => {
    await visitTwoPages('json');
  });

  it('JSON replaced by an object without stringify or parse (MooTools 1.2): nothing breaks, the beacon is still JSON', async () => {
    await visitTwoPages('json-removed', { storageWorks: false });
  });

  it('Promise replaced by a stub and fetch throwing: the launcher, the JS API and the chat still work', async () => {
    const context = await suite.browser.newContext();
    onTestFinished(() => context.close());
    const p = await context.newPage();
    const errors = watchErrors(p);
    await p.goto(`${shopUrl}/promise-fetch/1`);
    // No site config (fetch throws): the default look after the short wait, and the API is live.
    await p.getByRole('button', { name: 'Chat with us' }).click();
    const panel = p.frameLocator('iframe[title="Hearth chat"]');
    const box = panel.getByRole('textbox', { name: 'Message' });
    await box.fill('Hello from a page without Promise or fetch');
    await box.press('Enter');
    await panel.getByText('Hello from a page without Promise or fetch').waitFor();
    await p.evaluate(() => (window as unknown as { Hearth: (...a: unknown[]) => void }).Hearth('close'));
    await p.locator('hearth-widget').locator('.panel.open').waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
  });
});
