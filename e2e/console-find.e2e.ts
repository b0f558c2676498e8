import { describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { useHearthAndChromium } from './server-process.ts';
import { signInToConsole } from './hearth-api.ts';
import { deskLogin, scriptedVisitor } from './desk-support.ts';
import { axeViolations } from './desk-support.ts';

const suite = useHearthAndChromium();

async function ownerSocket(cookie: string): Promise<Socket> {
  const socket = io(`${suite.hearth.url}/agent`, { transports: ['websocket'], forceNew: true, extraHeaders: { cookie } });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

async function ask(socket: Socket, event: string, payload: unknown): Promise<void> {
  const ack = (await socket.timeout(5000).emitWithAck(event, payload)) as { ok: boolean; error?: { message: string } };
  if (!ack.ok) throw new Error(`${event} failed: ${ack.error?.message}`);
}

describe('find every conversation (issue 17; issue 16 item 6)', () => {
  it('Closed tab, most recently closed first; the inbox search finds any script, a name or an email, highlighted; filters live in the URL', async () => {
    const me = await deskLogin(suite.hearth.url);
    const site = me.sites[0]!;
    const owner = await ownerSocket(me.cookie);
    const visitors: Socket[] = [];
    const chat = async (profile: { name: string; email: string }, body: string, close: boolean) => {
      const v = await scriptedVisitor(suite.hearth.url, site.key);
      visitors.push(v.socket);
      await ask(v.socket, 'visitor:update', profile);
      const id = await v.say(body);
      if (close) await ask(owner, 'conversation:close', { conversationId: id });
      return id;
    };
    await chat({ name: 'Hana Sato', email: 'hana@example.jp' }, 'いちにさん、注文はどこですか', true);
    await chat({ name: 'Wei Zhang', email: 'wei@example.cn' }, '我想退货谢谢', true);
    await chat({ name: 'Åsa Öberg', email: 'asa.oberg@example.se' }, 'Welche Größe hat der Tisch? [EU]', false);

    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
    const page = await context.newPage();
    await signInToConsole(page, suite.hearth.url);
    await page.getByRole('status').getByText('Connected').waitFor();

    // Closed: read from the server a page at a time, most recently closed first.
    await page.getByRole('tab', { name: 'Closed' }).click();
    const list = page.getByRole('tabpanel');
    await list.getByText('Wei Zhang').waitFor();
    await expect(list.locator('.row-name').allTextContents()).resolves.toEqual(['Wei Zhang', 'Hana Sato']);
    await list.getByText('Wei Zhang').click();
    await page.getByRole('log').getByText('我想退货谢谢').waitFor();

    // The inbox's search box: a substring of text without spaces, highlighted; no raw markers.
    const box = page.getByRole('searchbox', { name: 'Search by name, email or message' });
    await box.fill('退货');
    await box.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('退货');
    const results = page.getByRole('region', { name: 'Results' });
    await results.getByRole('status').getByText('1 conversation').waitFor();
    await expect(results.locator('mark').allTextContents()).resolves.toEqual(['退货']);
    await expect(results.locator('.snippet').textContent()).resolves.toBe('我想退货谢谢');

    // Folding: "Grosse" finds "Größe"; a message's own brackets stay text.
    const words = page.getByLabel('Words, name or email');
    await words.fill('Grosse');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await results.getByText('Åsa Öberg').waitFor();
    await expect(results.locator('mark').allTextContents()).resolves.toEqual(['Größe']);
    await expect(results.locator('.snippet').textContent()).resolves.toBe('Welche Größe hat der Tisch? [EU]');
    // A name, folded ("asa oberg"), and an email.
    for (const q of ['asa oberg', 'HANA@EXAMPLE']) {
      await words.fill(q);
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await results.getByRole('status').getByText('1 conversation').waitFor();
    }
    await results.getByText('Hana Sato').waitFor();

    // Filters combine and are kept in the address: a reload (or a shared link) shows the same view.
    await words.fill('');
    const form = page.locator('form.filters');
    await form.getByLabel('Status').selectOption('closed');
    await form.getByLabel('Order').selectOption('closed');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await results.getByRole('status').getByText('2 conversations').waitFor();
    expect(new URL(page.url()).search).toBe('?status=closed&sort=closed');
    await page.reload();
    await results.getByRole('status').getByText('2 conversations').waitFor();
    await expect(results.locator('.hits bdi').first().textContent()).resolves.toBe('Wei Zhang');
    await expect(form.getByLabel('Status').inputValue()).resolves.toBe('closed');
    const violations = await axeViolations(page, 'body');
    expect(violations, 'search page').toEqual([]);

    for (const v of visitors) v.disconnect();
    owner.disconnect();
    await context.close();
  });
});
