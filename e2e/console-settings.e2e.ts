import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useHearthAndChromium } from './server-process.ts';
import { signInToConsole } from './hearth-api.ts';

const suite = useHearthAndChromium();

async function openSettings(page: Page): Promise<void> {
  await signInToConsole(page, suite.hearth.url);
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('heading', { name: 'Appearance' }).waitFor();
}

const backgroundOf = (page: Page, testId: string) => page.getByTestId(testId).evaluate((el) => getComputedStyle(el).backgroundColor);

describe('console settings', () => {
  it('the owner edits the appearance, the preview follows as they type, and the widget gets it after saving', async () => {
    const context = await suite.browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openSettings(page);

    const hex = page.getByLabel('Brand colour', { exact: true });
    expect(await backgroundOf(page, 'preview-launcher')).toBe('rgb(79, 70, 229)');
    await hex.fill('#facc15');
    // Live: no save yet. A light brand gets dark text (contrast), on the launcher and the header.
    expect(await backgroundOf(page, 'preview-launcher')).toBe('rgb(250, 204, 21)');
    expect(await page.getByTestId('preview-launcher').evaluate((el) => getComputedStyle(el).color)).toBe('rgb(0, 0, 0)');
    await hex.fill('#0e749');
    await page.getByText('Not a colour: use # and six hex digits').waitFor();
    expect(await backgroundOf(page, 'preview-launcher')).toBe('rgb(250, 204, 21)');
    await hex.fill('#0E7490');
    expect(await backgroundOf(page, 'preview-launcher')).toBe('rgb(14, 116, 144)');
    expect(await page.getByTestId('preview-launcher').evaluate((el) => getComputedStyle(el).color)).toBe('rgb(255, 255, 255)');

    await page.getByLabel('Greeting').fill('Welcome to Ember & Oak!');
    await expect(page.getByTestId('preview-greeting').textContent()).resolves.toBe('Welcome to Ember & Oak!');
    await page.getByLabel('Launcher label').fill('Ask the shop');
    await expect(page.getByTestId('preview-label').textContent()).resolves.toBe('Ask the shop');
    await page.getByLabel('Bottom left').check();
    await page.locator('figure.widget-preview--left').waitFor();
    await page.getByRole('combobox', { name: /^Theme/ }).selectOption('dark');
    expect(await backgroundOf(page, 'preview-panel')).toBe('rgb(17, 24, 39)');
    await page.getByLabel(/Show agents' names/).uncheck();
    await expect(page.getByTestId('preview-agent-name').textContent()).resolves.toBe('Ember & Oak (demo shop)');
    await page.getByLabel('Language').selectOption('de');

    await page.getByRole('button', { name: 'Save appearance' }).click();
    await page.locator('#appearance').getByRole('status').getByText('Saved.').waitFor();

    await page.reload();
    await page.getByRole('heading', { name: 'Appearance' }).waitFor();
    await expect(page.getByLabel('Brand colour', { exact: true }).inputValue()).resolves.toBe('#0e7490');
    await expect(page.getByLabel('Greeting').inputValue()).resolves.toBe('Welcome to Ember & Oak!');
    await expect(page.getByLabel('Bottom left').isChecked()).resolves.toBe(true);

    // The demo shop's widget session carries the saved appearance.
    const shop = await (await suite.browser.newContext()).newPage();
    const session = shop.waitForResponse((r) => r.url().endsWith('/api/widget/session') && r.request().method() === 'POST');
    await shop.goto(`${suite.hearth.url}/demo`);
    await shop.getByRole('button', { name: /chat|ask the shop/i }).click();
    const body = (await (await session).json()) as { site: { appearance: Record<string, unknown> } };
    expect(body.site.appearance).toMatchObject({
      brandColor: '#0e7490',
      greeting: 'Welcome to Ember & Oak!',
      launcherLabel: 'Ask the shop',
      position: 'left',
      theme: 'dark',
      showAgents: false,
      locale: 'de',
    });
    await shop.context().close();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('copies the exact embed snippet, the same the demo shop embeds, and reveals the secret on click', async () => {
    const context = await suite.browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: suite.hearth.url });
    const page = await context.newPage();
    await openSettings(page);
    const snippet =
      '<script>window.Hearth=window.Hearth||function(){(Hearth.q=Hearth.q||[]).push(arguments)};</script>\n' +
      `<script async src="${suite.hearth.url}/widget.js" data-site="demo"></script>`;
    await expect(page.getByRole('textbox', { name: 'Embed snippet' }).inputValue()).resolves.toBe(snippet);
    await page.getByRole('button', { name: 'Copy snippet' }).click();
    await page.locator('#embed').getByRole('status').getByText('Copied').waitFor();
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(snippet);
    expect(await (await fetch(`${suite.hearth.url}/demo`)).text()).toContain(snippet);

    expect(await page.getByTestId('identity-secret').count()).toBe(0);
    await page.getByRole('button', { name: 'Reveal secret' }).click();
    expect((await page.getByTestId('identity-secret').textContent())!.length).toBeGreaterThanOrEqual(32);
    await context.close();
  });

  it('an invitation by link: the owner creates it, a newcomer joins in another browser, the link works once', async () => {
    const ownerContext = await suite.browser.newContext();
    const owner = await ownerContext.newPage();
    await openSettings(owner);
    const team = owner.locator('#team');
    await team.getByLabel('Email').fill('newcomer@demo.test');
    await team.getByRole('button', { name: 'Create invitation link' }).click();
    const link = await owner.getByLabel(/Send this link/).inputValue();
    expect(link).toMatch(new RegExp(`^${suite.hearth.url}/console/#/invite/[A-Za-z0-9_-]{43}$`));
    await team.getByText(/newcomer@demo\.test · Agent · expires/).waitFor();

    const newcomerContext = await suite.browser.newContext();
    const newcomer = await newcomerContext.newPage();
    await newcomer.goto(link);
    await newcomer.getByRole('heading', { name: 'Join Ember & Oak (demo shop) on Hearth' }).waitFor();
    await newcomer.getByLabel('Your name').fill('Nora Newcomer');
    await newcomer.getByLabel('Choose a password').fill('a-long-enough-password');
    await newcomer.getByRole('button', { name: 'Accept invitation' }).click();
    // Signed in, in the console, as the new agent; the link is gone from the address bar.
    await newcomer.getByText('Nora Newcomer').first().waitFor();
    expect(new URL(newcomer.url()).hash).toBe('');

    // As an agent, Settings is read-only for the site and editable for the own profile.
    await newcomer.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Settings' }).click();
    await newcomer.getByText("Only the site's owners can change how the widget looks").waitFor();
    await expect(newcomer.getByLabel('Greeting').isDisabled()).resolves.toBe(true);
    expect(await newcomer.getByRole('button', { name: 'Reveal secret' }).count()).toBe(0);
    await newcomer.getByLabel('Picture URL (https)').fill('https://cdn.example/nora.png');
    await newcomer.getByRole('button', { name: 'Save profile' }).click();
    await newcomer.locator('#profile').getByText('Saved.').waitFor();

    // The owner sees the new member; the invitation is no longer pending.
    await owner.reload();
    await owner.locator('#team').getByText('newcomer@demo.test').first().waitFor();
    await owner.locator('#team').getByText('No pending invitations.').waitFor();

    // Used once: a third browser opening the same link is told so.
    const third = await (await suite.browser.newContext()).newPage();
    await third.goto(link);
    await third.getByText('This invitation has already been used.').waitFor();
    await third.context().close();
    await newcomerContext.close();
    await ownerContext.close();
  });
});
