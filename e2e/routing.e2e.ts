import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useHearthAndChromium } from './server-process.ts';
import { apiLogin, openWidget, ownerCall, putRouting, signInToConsole } from './hearth-api.ts';

const suite = useHearthAndChromium();

async function startChat(page: Page, text: string, topic?: string) {
  const panel = await openWidget(page, suite.hearth.url);
  await panel.getByText('We typically reply in a few minutes').waitFor();
  if (topic) await panel.getByRole('combobox', { name: 'Topic' }).selectOption({ label: topic });
  const message = panel.getByRole('textbox', { name: 'Message' });
  await message.fill(text);
  await message.press('Enter');
  await panel.getByText(text).waitFor();
  return panel;
}

describe('routing: a visitor waits in line while the only agent is full, and is assigned when a chat closes', () => {
  it('shows the place in line in the widget and the queue (with the picked topic) in the console, then who the visitor talks to', async () => {
    const { session, cookie } = await apiLogin(suite.hearth.url);
    const owner = session.agent.name;
    const siteId = session.sites[0]!.id;
    await putRouting(suite.hearth.url, cookie, siteId, { defaultMaxChats: 1 });
    // A topic the visitor can pick, which the owner answers.
    const billing = await ownerCall<{ id: string }>(suite.hearth.url, cookie, 'POST', `/api/sites/${siteId}/departments`, { name: 'Billing' });
    await ownerCall(suite.hearth.url, cookie, 'PUT', `/api/sites/${siteId}/members/${session.agent.id}`, { departmentIds: [billing.id] });

    const agentContext = await suite.browser.newContext();
    const firstContext = await suite.browser.newContext();
    const secondContext = await suite.browser.newContext();
    const thirdContext = await suite.browser.newContext();
    const console_ = await agentContext.newPage();
    const first = await firstContext.newPage();
    const second = await secondContext.newPage();
    const third = await thirdContext.newPage();
    const pageErrors: string[] = [];
    for (const p of [console_, first, second, third]) p.on('pageerror', (e) => pageErrors.push(e.message));

    // The owner signs in: their console socket makes them online.
    await signInToConsole(console_, suite.hearth.url);
    const status = console_.getByRole('combobox', { name: 'Your status' });
    await console_.waitForFunction(() => (document.getElementById('my-status') as HTMLSelectElement | null)?.value === 'online');
    expect(await status.inputValue()).toBe('online');

    // The first visitor takes the owner's only slot; the owner accepts it.
    const firstPanel = await startChat(first, 'First visitor: do you ship to Norway?');
    await firstPanel.getByText(`You're chatting with ${owner}`).waitFor();
    await console_.getByText('First visitor: do you ship to Norway?').first().click();
    await console_.getByRole('button', { name: 'Accept' }).click();
    await console_.getByRole('button', { name: 'Accept' }).waitFor({ state: 'detached' });

    // The transfer dialog: labelled, says what is missing, closes on Escape and gives focus back.
    const transfer = console_.getByRole('button', { name: 'Transfer' });
    await transfer.click();
    const dialog = console_.getByRole('dialog', { name: 'Transfer conversation' });
    await dialog.getByRole('combobox', { name: 'Transfer to' }).waitFor();
    await dialog.getByRole('button', { name: 'Transfer' }).click();
    await dialog.getByRole('alert').getByText('Pick a colleague or a department.').waitFor();
    await console_.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await transfer.evaluate((el) => el === document.activeElement)).toBe(true);

    // The second visitor finds the owner full: first in line.
    const secondPanel = await startChat(second, 'Second visitor: is the cedar candle in stock?', 'Billing');
    await secondPanel.getByRole('combobox', { name: 'Topic' }).waitFor({ state: 'detached' });
    await secondPanel.getByText("You're number 1 in line", { exact: false }).waitFor();
    // Queues are per topic: the third visitor picks the same one, so they wait behind the second.
    const thirdPanel = await startChat(third, 'Third visitor: gift wrapping?', 'Billing');
    await thirdPanel.getByText("You're number 2 in line", { exact: false }).waitFor();

    // The console's queue shows who waits.
    await console_.getByRole('tab', { name: /Queue/ }).click();
    const queue = console_.getByRole('tabpanel');
    await queue.getByText('Second visitor: is the cedar candle in stock?').waitFor();
    await queue.getByText('Third visitor: gift wrapping?').waitFor();
    // Oldest wait first, each with its topic and a claim action.
    const rows = queue.getByRole('listitem');
    expect(await rows.allInnerTexts()).toEqual([
      expect.stringContaining('Second visitor: is the cedar candle in stock?'),
      expect.stringContaining('Third visitor: gift wrapping?'),
    ]);
    for (const row of await rows.all()) {
      await row.getByText('Billing', { exact: true }).waitFor();
      await row.getByRole('button', { name: /^Claim conversation/ }).waitFor();
    }

    // The owner closes the first chat: the slot frees and the waiting visitor is assigned at once.
    await console_.getByRole('button', { name: 'Close conversation' }).click();
    await secondPanel.getByText(`You're chatting with ${owner}`).waitFor();
    // The one behind moves up, live.
    await thirdPanel.getByText("You're number 1 in line", { exact: false }).waitFor();
    await queue.getByText('Third visitor: gift wrapping?').waitFor();
    await queue.getByText('Second visitor: is the cedar candle in stock?').waitFor({ state: 'detached' });

    expect(pageErrors).toEqual([]);
    await Promise.all([agentContext.close(), firstContext.close(), secondContext.close(), thirdContext.close()]);
  });
});
