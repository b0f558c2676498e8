import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { Page } from 'playwright-core';
import { useHearthAndChromium } from './server-process.ts';
import { keepAgentOnline } from './hearth-api.ts';
import { snippet, useShop } from './shop-server.ts';
import { conversationOf, queryDb } from './widget-helpers.ts';

/**
 * Issue 16 item 5: a shared computer. The host's user signs out (`Hearth('identify', null)`, or
 * another user identifies) after an unsigned or a signed identify: the next person at the browser
 * sees a fresh chat, and their message never lands in the previous user's conversation.
 */
const suite = useHearthAndChromium();
let secret = '';
const users: Record<string, { id: string; name: string; email: string }> = {
  ann: { id: 'user-ann', name: 'Ann Example', email: 'ann@shop.test' },
  ben: { id: 'user-ben', name: 'Ben Other', email: 'ben@shop.test' },
};
/** `/?user=ann` identifies Ann (unsigned), `/?user=ann&signed` with her hash, `/?user=none` signs out. */
const shop = useShop((path) => {
  const url = new URL(path, 'http://shop');
  const user = url.searchParams.get('user');
  const identity = user === 'none' ? null : user && users[user] ? { ...users[user] } : undefined;
  if (identity && url.searchParams.has('signed')) Object.assign(identity, { hash: createHmac('sha256', secret).update(identity.id).digest('hex') });
  const call = identity === undefined ? '' : `Hearth('identify', ${JSON.stringify(identity)});`;
  return `<!doctype html><html><head><title>Shop</title></head><body><h1>Shop</h1>${snippet(suite.hearth.url, call)}</body></html>`;
});
beforeAll(async () => {
  secret = queryDb<{ secret: string }>(suite.hearth.dataDir, "select secret from sites where key = 'demo'")[0]!.secret;
  const stop = await keepAgentOnline(suite.hearth.url);
  afterAll(stop);
});

const panelOf = (p: Page) => p.frameLocator('iframe[title="Hearth chat"]');
async function openPanel(p: Page): Promise<void> {
  const launcher = p.locator('hearth-widget').locator('button.launcher');
  await launcher.waitFor();
  if ((await launcher.getAttribute('aria-expanded')) !== 'true') await launcher.click();
  await panelOf(p).getByRole('textbox', { name: 'Message' }).waitFor();
}
async function say(p: Page, body: string): Promise<string> {
  await openPanel(p);
  const box = panelOf(p).getByRole('textbox', { name: 'Message' });
  await box.fill(body);
  await box.press('Enter');
  await panelOf(p).getByRole('log').getByText(body).waitFor();
  return conversationOf(suite.hearth.dataDir, body);
}
/** Who the agent sees behind a conversation. */
const visitorOf = (conversationId: string) =>
  queryDb<{ id: string; name: string | null; email: string | null }>(
    suite.hearth.dataDir,
    'select v.id, v.name, v.email from conversations c join visitors v on v.id = c.visitor_id where c.id = ?',
    conversationId,
  )[0]!;

async function browserTab(): Promise<Page> {
  const context = await suite.browser.newContext();
  onTestFinished(() => context.close());
  return context.newPage();
}

/** The next person's view and message after the sign-out: a fresh chat, their own conversation, not under the previous name. */
async function expectFreshChat(p: Page, previous: { conversationId: string; body: string }, next: string): Promise<string> {
  await openPanel(p);
  const log = panelOf(p).getByRole('log');
  await log.getByText("Hi there! Ask us anything — we'll reply right here.").waitFor();
  expect(await log.getByText(previous.body).count()).toBe(0);
  const conversationId = await say(p, next);
  expect(conversationId).not.toBe(previous.conversationId);
  const before = visitorOf(previous.conversationId);
  const after = visitorOf(conversationId);
  expect(after.id).not.toBe(before.id);
  expect(after.name).not.toBe(before.name);
  expect(queryDb(suite.hearth.dataDir, 'select 1 from messages where body = ? and conversation_id = ?', next, previous.conversationId)).toEqual([]);
  return conversationId;
}

describe('a shared computer (issue 16 item 5)', () => {
  it("unsigned identify, then Hearth('identify', null) on the next page: the next person sees a fresh chat", async () => {
    const p = await browserTab();
    await p.goto(`${shop.url}/?user=ann`);
    const body = 'Ann: my order 1234, my address is 1 Elm St';
    const conversationId = await say(p, body);
    await expect.poll(() => visitorOf(conversationId).name).toBe('Ann Example');
    // The same user on the next page keeps her conversation.
    await p.goto(`${shop.url}/?user=ann`);
    await openPanel(p);
    await panelOf(p).getByRole('log').getByText(body).waitFor();
    // She signs out; the next person browses on.
    await p.goto(`${shop.url}/?user=none`);
    await expectFreshChat(p, { conversationId, body }, 'Hello, I am someone else');
    // …and on their next page, still their own chat.
    await p.goto(`${shop.url}/`);
    await openPanel(p);
    await panelOf(p).getByRole('log').getByText('Hello, I am someone else').waitFor();
    expect(await panelOf(p).getByRole('log').getByText(body).count()).toBe(0);
  });

  it("unsigned identify, then Hearth('identify', null) on the same page (a single-page app signing out)", async () => {
    const p = await browserTab();
    await p.goto(`${shop.url}/?user=ann`);
    const body = 'Ann again: the blue scarf';
    const conversationId = await say(p, body);
    await p.evaluate(() => (window as unknown as { Hearth: (...a: unknown[]) => void }).Hearth('identify', null));
    await expectFreshChat(p, { conversationId, body }, 'A new person on the same page');
  });

  it('unsigned identify of one user, then of another: the second never sees the first one\'s chat', async () => {
    const p = await browserTab();
    await p.goto(`${shop.url}/?user=ann`);
    const body = 'Ann: a refund for order 99';
    const conversationId = await say(p, body);
    await p.goto(`${shop.url}/?user=ben`);
    const ben = await expectFreshChat(p, { conversationId, body }, 'Ben here, a question');
    await expect.poll(() => visitorOf(ben).name).toBe('Ben Other');
  });

  it("signed identify, then Hearth('identify', null): a fresh chat too", async () => {
    const p = await browserTab();
    await p.goto(`${shop.url}/?user=ann&signed`);
    const body = 'Signed Ann: invoice 77';
    const conversationId = await say(p, body);
    await p.goto(`${shop.url}/?user=none`);
    await expectFreshChat(p, { conversationId, body }, 'Not Ann, after her signed session');
  });
});
