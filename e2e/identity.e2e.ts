import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { openDatabase } from '@hearth/db';
import { launchChromium, startHearth } from './server-process.ts';
import { keepAgentOnline } from './hearth-api.ts';

/**
 * Hearth('identify') end to end: a customer page on its own origin identifies its signed-in user
 * (hash computed "server-side", here in the test, with the site secret); the same user on a second
 * device (a fresh browser context) sees the conversation from the first.
 */
let hearth: Awaited<ReturnType<typeof startHearth>>;
let browser: Browser;
let shop: Server;
let shopUrl: string;

beforeAll(async () => {
  hearth = await startHearth();
  browser = await launchChromium();
  const db = openDatabase(join(hearth.dataDir, 'hearth.db'));
  const { secret } = db.sqlite.prepare("select secret from sites where key = 'demo'").get() as { secret: string };
  db.close();
  const identity = { id: 'customer-77', name: 'Ann Example', email: 'ann@shop.test', hash: createHmac('sha256', secret).update('customer-77').digest('hex') };
  const html = `<!doctype html><title>Signed-in shop</title><h1>My account</h1>
<script>window.Hearth=window.Hearth||function(){(Hearth.q=Hearth.q||[]).push(arguments)};Hearth('identify', ${JSON.stringify(identity)});</script>
<script async src="${hearth.url}/widget.js" data-site="demo"></script>`;
  shop = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(html));
  await new Promise<void>((resolve) => shop.listen(0, '127.0.0.1', resolve));
  const address = shop.address();
  // "localhost", not 127.0.0.1: a different origin from Hearth's, as on a real customer site.
  shopUrl = `http://localhost:${typeof address === 'object' && address ? address.port : 0}/`;
});
afterAll(async () => {
  await browser?.close();
  await hearth?.stop();
  await new Promise((r) => shop?.close(r));
});

const openChat = async (page: Page) => {
  await page.goto(shopUrl);
  await page.getByRole('button', { name: /chat/i }).click();
  return page.frameLocator('iframe[title="Hearth chat"]');
};

describe("Hearth('identify')", () => {
  it('an identified customer sees their conversation on a second device', async () => {
    // An agent online: the widget offers the live chat, not the offline form.
    const stopAgent = await keepAgentOnline(hearth.url);
    onTestFinished(stopAgent);
    const laptop = await browser.newContext();
    const phone = await browser.newContext();
    const errors: string[] = [];
    const first = await laptop.newPage();
    first.on('pageerror', (e) => errors.push(e.message));
    const panel = await openChat(first);
    const box = panel.getByRole('textbox', { name: 'Message' });
    await box.fill('Order 1234 has not arrived');
    await box.press('Enter');
    await panel.getByText('Order 1234 has not arrived').waitFor();

    const second = await phone.newPage();
    second.on('pageerror', (e) => errors.push(e.message));
    const other = await openChat(second);
    await other.getByText('Order 1234 has not arrived').waitFor();

    const db = openDatabase(join(hearth.dataDir, 'hearth.db'));
    const rows = db.sqlite.prepare("select name, email from visitors where external_id = 'customer-77'").all();
    db.close();
    expect(rows).toEqual([{ name: 'Ann Example', email: 'ann@shop.test' }]);
    expect(errors).toEqual([]);
    await laptop.close();
    await phone.close();
  });
});
