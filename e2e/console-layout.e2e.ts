import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useHearthAndChromium } from './server-process.ts';
import { signInToConsole } from './hearth-api.ts';
import { seedConsole, type ConsoleFixture } from './console-fixture.ts';
import { layoutProblems } from './layout-check.ts';

/**
 * Every console screen at every width a person uses it, checked by walking the DOM
 * (e2e/layout-check.ts): nothing clipped, overflowing or drawn over something else, no text cut
 * without an ellipsis and a title, no sideways scrolling but inside a named table region, one look
 * for form controls. A page added to the console is covered by adding it to SCREENS.
 */
const WIDTHS = [768, 1024, 1280, 1440, 1920];
/** `HEARTH_LAYOUT_SHOTS=/some/dir` keeps a screenshot of every screen at every width, to look at. */
const shots = process.env.HEARTH_LAYOUT_SHOTS;
const HEIGHT = 800;

interface Screen {
  name: string;
  /** The URL path, from the fixture's ids. */
  path: (fx: ConsoleFixture) => string;
  /** Resolves once the screen shows what it is about. */
  ready: (page: Page) => Promise<unknown>;
  /** Opens a state of the screen (a menu, a dialog, a form), after each resize; Escape closes it. */
  open?: (page: Page) => Promise<unknown>;
}

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { name }).first().waitFor();

const SCREENS: Screen[] = [
  { name: 'inbox', path: () => '/console/', ready: (p) => p.getByRole('tab', { name: /All open/ }).waitFor() },
  { name: 'conversation', path: (fx) => `/console/conversations/${fx.openConversationId}`, ready: (p) => p.getByText(/s to accept/).waitFor() },
  {
    name: 'conversation, label menu open',
    path: (fx) => `/console/conversations/${fx.openConversationId}`,
    ready: (p) => p.getByText(/s to accept/).waitFor(),
    open: async (p) => {
      await p.getByText('+ Label').click();
      await p.getByLabel('New label').waitFor();
    },
  },
  {
    name: 'conversation, visitor details',
    path: (fx) => `/console/conversations/${fx.openConversationId}`,
    ready: (p) => p.getByText(/s to accept/).waitFor(),
    // Beside the conversation from 1200 px; narrower, the header's Visitor button opens it as a drawer.
    open: async (p) => {
      const toggle = p.getByRole('button', { name: 'Visitor', exact: true });
      if (await toggle.isVisible()) await toggle.click();
      await p.getByRole('complementary', { name: 'Visitor' }).getByText('olive.offlinson@example.com').waitFor();
    },
  },
  {
    name: 'conversation, transfer dialog',
    path: (fx) => `/console/conversations/${fx.openConversationId}`,
    ready: (p) => p.getByText(/s to accept/).waitFor(),
    open: (p) => p.getByRole('button', { name: 'Transfer' }).click(),
  },
  { name: 'closed, rated conversation', path: (fx) => `/console/conversations/${fx.ratedConversationId}`, ready: (p) => p.getByText(/^Rated 4\/5/).waitFor() },
  {
    name: 'page menu or pages',
    path: () => '/console/',
    ready: (p) => p.getByRole('tab', { name: /All open/ }).waitFor(),
    open: async (p) => {
      const menu = p.getByRole('button', { name: /^Menu/ });
      if (await menu.isVisible()) await menu.click();
      await p.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Settings' }).waitFor();
    },
  },
  {
    name: 'account menu',
    path: () => '/console/',
    ready: (p) => p.getByRole('tab', { name: /All open/ }).waitFor(),
    open: async (p) => {
      await p.getByRole('button', { name: /account menu/ }).click();
      await p.getByRole('button', { name: 'Sign out' }).waitFor();
    },
  },
  { name: 'keyboard shortcuts', path: () => '/console/', ready: (p) => p.getByRole('tab', { name: /All open/ }).waitFor(), open: (p) => p.keyboard.press('?') },
  { name: 'agents', path: () => '/console/agents', ready: (p) => p.getByText('3 / 3').waitFor() },
  {
    name: 'search results',
    path: () => '/console/search',
    ready: (p) => heading(p, 'Search transcripts'),
    open: async (p) => {
      await p.getByLabel('Words, name or email').fill('candles');
      await p.getByRole('button', { name: 'Search', exact: true }).click();
      await p.getByRole('status').getByText('1 conversation').waitFor();
    },
  },
  { name: 'replies', path: () => '/console/replies', ready: (p) => p.getByText('/shipping-europe').waitFor() },
  {
    name: 'replies, new reply form',
    path: () => '/console/replies',
    ready: (p) => p.getByText('/shipping-europe').waitFor(),
    open: async (p) => {
      if (!(await p.getByLabel('Shortcut').isVisible())) await p.getByRole('button', { name: 'New reply' }).click();
    },
  },
  { name: 'reports', path: () => '/console/reports', ready: (p) => p.getByRole('region', { name: 'Per page' }).waitFor() },
  { name: 'triggers', path: () => '/console/triggers', ready: (p) => p.getByText('Cart abandon over €50').waitFor() },
  { name: 'settings', path: () => '/console/settings', ready: (p) => heading(p, 'My profile') },
];

describe('console layout at every width', () => {
  const suite = useHearthAndChromium();
  let fx: ConsoleFixture;
  let page: Page;

  beforeAll(async () => {
    fx = await seedConsole(suite.hearth.url, suite.hearth.dataDir);
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: HEIGHT } });
    page = await context.newPage();
    await signInToConsole(page, suite.hearth.url);
    await page.getByRole('status').getByText('Connected').waitFor();
  });
  afterAll(() => fx?.stop());

  const settle = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

  it('the check finds each kind of defect, and passes the same page without them', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 800, height: 600 } });
    const probe = await context.newPage();
    const defects = `
      <div id="clip" style="width:100px;overflow:hidden"><div style="width:300px;height:10px"></div></div>
      <div style="display:flex;width:120px"><span id="spill" style="flex:none;white-space:nowrap">A label that is much too long for its box</span></div>
      <p id="cut" style="width:80px;overflow:hidden;white-space:nowrap">Olive Offlinson-Whitcombe</p>
      <p id="ellipsis" style="width:80px;overflow:hidden;white-space:nowrap;text-overflow:ellipsis">Olive Offlinson-Whitcombe</p>
      <div style="position:relative;height:20px"><span>Assigned to you</span><span style="position:relative;left:-60px">22 s to accept</span></div>
      <div id="scroller" style="width:100px;overflow-x:auto"><div style="width:400px;height:10px"></div></div>
      <input id="plain" style="all:revert"> <input style="border:1px solid #868e96;border-radius:8px;height:36px;font-size:14px">`;
    await probe.setContent(`<body>${defects}</body>`);
    const kinds = (await layoutProblems(probe)).map((p) => `${p.kind} ${p.element.split(' ')[0]}`);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'clipped <div>',
        'overflow <span#spill>',
        'text-cut <p#cut>',
        'text-cut <p#ellipsis>',
        'overlap <span>',
        'sideways-scroll <div#scroller>',
        'control <input#plain>',
      ]),
    );
    const fixed = `
      <div style="width:100px;overflow:hidden"><div style="width:100px;height:10px"></div></div>
      <p style="width:80px;overflow:hidden;white-space:nowrap;text-overflow:ellipsis" title="Olive Offlinson-Whitcombe">Olive Offlinson-Whitcombe</p>
      <div style="display:flex;flex-wrap:wrap;gap:8px"><span>Assigned to you</span><span>22 s to accept</span></div>
      <div role="region" aria-label="Per page" tabindex="0" style="width:100px;overflow-x:auto"><div style="width:400px;height:10px"></div></div>
      <input style="border:1px solid #868e96;border-radius:8px;height:36px;font-size:14px"> <select style="border:1px solid #868e96;border-radius:8px;height:36px;font-size:14px"><option>A</option></select>`;
    await probe.setContent(`<body>${fixed}</body>`);
    expect(await layoutProblems(probe)).toEqual([]);
    await context.close();
  });

  it('the sign-in page', async () => {
    const context = await suite.browser.newContext();
    const login = await context.newPage();
    await login.goto(`${suite.hearth.url}/console`);
    await login.getByLabel('Password').waitFor();
    const found: string[] = [];
    for (const width of WIDTHS) {
      await login.setViewportSize({ width, height: HEIGHT });
      for (const p of await layoutProblems(login)) found.push(`${width} px: ${p.kind} ${p.element} — ${p.detail}`);
    }
    await context.close();
    expect(found).toEqual([]);
  });

  for (const screen of SCREENS) {
    it(screen.name, async () => {
      await page.setViewportSize({ width: 1280, height: HEIGHT });
      await page.goto(suite.hearth.url + screen.path(fx));
      await page.getByRole('status').getByText('Connected').waitFor();
      await screen.ready(page);
      const found: string[] = [];
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: HEIGHT });
        await settle();
        if (screen.open) {
          await screen.open(page);
          await settle();
        }
        for (const p of await layoutProblems(page)) found.push(`${width} px: ${p.kind} ${p.element} — ${p.detail}`);
        if (shots) await page.screenshot({ path: `${shots}/${screen.name.replace(/\W+/g, '-')}-${width}.png` });
        if (screen.open) {
          await page.keyboard.press('Escape');
          await settle();
        }
      }
      expect(found).toEqual([]);
    });
  }
});
