import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { AgentSession } from '@hearth/protocol';
import { ADMIN, launchChromium, startHearth } from './server-process.ts';

let hearth: Awaited<ReturnType<typeof startHearth>>;
let browser: Browser;

beforeAll(async () => {
  hearth = await startHearth();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await hearth?.stop();
});

const widgetFrame = (page: Page) => page.frameLocator('iframe[title="Hearth chat"]');

/** Signs in through the API (as a script would) and returns the session and its cookie. */
async function apiLogin(): Promise<{ session: AgentSession; cookie: string }> {
  const res = await fetch(`${hearth.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  expect(res.status).toBe(200);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const me = await fetch(`${hearth.url}/api/auth/me`, { headers: { cookie } });
  return { session: (await me.json()) as AgentSession, cookie };
}

async function startChat(page: Page, text: string) {
  await page.goto(`${hearth.url}/demo`);
  await page.getByRole('button', { name: /chat/i }).click();
  const panel = widgetFrame(page);
  await panel.getByText('We typically reply in a few minutes').waitFor();
  const message = panel.getByRole('textbox', { name: 'Message' });
  await message.fill(text);
  await message.press('Enter');
  await panel.getByText(text).waitFor();
  return panel;
}

describe('routing: a visitor waits in line while the only agent is full, and is assigned when a chat closes', () => {
  it('shows the place in line in the widget and the queue in the console, then who the visitor talks to', async () => {
    const { session, cookie } = await apiLogin();
    const siteId = session.sites[0]!.id;
    const owner = session.agent.name;
    const capped = await fetch(`${hearth.url}/api/sites/${siteId}/routing`, {
      method: 'PUT',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ defaultMaxChats: 1 }),
    });
    expect(capped.status).toBe(200);

    const agentContext = await browser.newContext();
    const firstContext = await browser.newContext();
    const secondContext = await browser.newContext();
    const console_ = await agentContext.newPage();
    const first = await firstContext.newPage();
    const second = await secondContext.newPage();
    const pageErrors: string[] = [];
    for (const p of [console_, first, second]) p.on('pageerror', (e) => pageErrors.push(e.message));

    // The owner signs in: their console socket makes them online.
    await console_.goto(`${hearth.url}/console`);
    await console_.getByLabel('Email').fill(ADMIN.email);
    await console_.getByLabel('Password').fill(ADMIN.password);
    await console_.getByRole('button', { name: 'Sign in' }).click();
    const status = console_.getByRole('combobox', { name: 'Your status' });
    await console_.waitForFunction(() => (document.getElementById('my-status') as HTMLSelectElement | null)?.value === 'online');
    expect(await status.inputValue()).toBe('online');

    // The first visitor takes the owner's only slot; the owner accepts it.
    const firstPanel = await startChat(first, 'First visitor: do you ship to Norway?');
    await firstPanel.getByText(`You're chatting with ${owner}`).waitFor();
    await console_.getByText('First visitor: do you ship to Norway?').first().click();
    await console_.getByRole('button', { name: 'Accept' }).click();
    await console_.getByRole('button', { name: 'Accept' }).waitFor({ state: 'detached' });

    // The second visitor finds the owner full: first in line.
    const secondPanel = await startChat(second, 'Second visitor: is the cedar candle in stock?');
    await secondPanel.getByText("You're number 1 in line", { exact: false }).waitFor();

    // The console's queue shows who waits.
    await console_.getByRole('tab', { name: /Queue/ }).click();
    const queue = console_.getByRole('tabpanel');
    await queue.getByText('Second visitor: is the cedar candle in stock?').waitFor();
    await queue.getByRole('button', { name: /^Claim conversation/ }).waitFor();

    // The owner closes the first chat: the slot frees and the waiting visitor is assigned at once.
    await console_.getByRole('button', { name: 'Close conversation' }).click();
    await secondPanel.getByText(`You're chatting with ${owner}`).waitFor();
    await queue.getByText('No one is waiting', { exact: false }).waitFor();

    expect(pageErrors).toEqual([]);
    await Promise.all([agentContext.close(), firstContext.close(), secondContext.close()]);
  });
});
