import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useHearthAndChromium } from './server-process.ts';
import { signInToConsole } from './hearth-api.ts';

const suite = useHearthAndChromium();

describe('CSAT from close to report', () => {
  it('the agent closes, the visitor rates with the keyboard, the owner sees the score on the reports page', async () => {
    const visitorContext = await suite.browser.newContext();
    const agentContext = await suite.browser.newContext();
    const shop = await visitorContext.newPage();
    const console_ = await agentContext.newPage();
    const pageErrors: string[] = [];
    for (const p of [shop, console_]) p.on('pageerror', (e) => pageErrors.push(e.message));

    await signInToConsole(console_, suite.hearth.url);

    await shop.goto(`${suite.hearth.url}/demo`);
    await shop.getByRole('button', { name: /chat/i }).click();
    const panel = shop.frameLocator('iframe[title="Hearth chat"]');
    // The agent is online: the chat (not the offline form) is what the visitor types into.
    await panel.getByText('We typically reply in a few minutes').waitFor();
    const message = panel.getByRole('textbox', { name: 'Message' });
    await message.fill('Can I return a candle I opened?');
    await message.press('Enter');

    await console_.getByText('Can I return a candle I opened?').first().click();
    const reply = console_.getByRole('textbox', { name: 'Reply' });
    await reply.fill('Yes, within 30 days.');
    await reply.press('Enter');
    await console_.getByRole('log').getByText('Yes, within 30 days.').waitFor();
    await console_.getByRole('button', { name: 'Close conversation' }).click();

    // The question appears in the chat; the visitor answers with the keyboard only.
    const scale = panel.getByRole('radiogroup', { name: 'How would you rate the support you received?' });
    await scale.waitFor();
    await scale.getByRole('radio', { name: '1 — Very unsatisfied' }).focus();
    await shop.keyboard.press('Space');
    for (let i = 0; i < 3; i++) await shop.keyboard.press('ArrowRight');
    await expect(scale.getByRole('radio', { name: '4 — Satisfied' }).getAttribute('aria-checked')).resolves.toBe('true');
    await expect(scale.getByRole('radio', { name: '1 — Very unsatisfied' }).getAttribute('aria-checked')).resolves.toBe('false');
    await shop.keyboard.press('Tab');
    await shop.keyboard.type('Clear answer, thanks');
    await shop.keyboard.press('Tab');
    await shop.keyboard.press('Enter');
    await panel.getByText('Thank you for your feedback!').waitFor();

    // The visitor downloads the transcript: messages and events, as text made in the suite.browser.
    const [download] = await Promise.all([shop.waitForEvent('download'), panel.getByRole('button', { name: 'Download transcript' }).click()]);
    const path = await download.path();
    const text = readFileSync(path, 'utf8');
    expect(text).toMatch(/Can I return a candle I opened\?/);
    expect(text).toMatch(/Owner \(agent\): Yes, within 30 days\./);
    expect(text).toMatch(/— Conversation closed by the agent/);
    expect(text).toMatch(/— Rated 4\/5/);

    // The rating shows on the conversation in the console, live.
    await console_.getByText('Rated 4/5').waitFor();

    // The owner opens Reports: one rating, scored 4 → CSAT 100%.
    await console_.getByRole('link', { name: 'Reports' }).click();
    const overview = console_.getByRole('region', { name: 'Overview' });
    const csat = overview.locator('.tile', { hasText: 'CSAT (4–5)' });
    await csat.getByText('1 rating', { exact: true }).waitFor();
    await expect(csat.locator('.tile-value').textContent()).resolves.toBe('100%');
    await console_.getByText('1: 0 · 2: 0 · 3: 0 · 4: 1 · 5: 0').waitFor();
    await expect(console_.locator('.chart canvas').count()).resolves.toBeGreaterThan(0);
    // The survey texts are the owner's to edit, right there.
    await expect(console_.getByLabel('Rating question').inputValue()).resolves.toBe('How would you rate the support you received?');

    expect(pageErrors).toEqual([]);
    await visitorContext.close();
    await agentContext.close();
  });
});
