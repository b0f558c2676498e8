import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useHearthAndChromium } from './server-process.ts';
import { signInToConsole } from './hearth-api.ts';
import { deskLogin, scriptedVisitor, type DeskSession } from './desk-support.ts';
import { queryDb } from './widget-helpers.ts';

const suite = useHearthAndChromium();

async function signIn(page: Page): Promise<void> {
  await signInToConsole(page, suite.hearth.url);
  await page.getByRole('button', { name: /account menu/ }).waitFor();
}

const post = (me: DeskSession, path: string, body: unknown) =>
  fetch(`${suite.hearth.url}${path}`, { method: 'POST', headers: { cookie: me.cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** A visitor's conversation, open in the console. */
async function openConversation(page: Page, me: DeskSession, first: string): Promise<string> {
  const visitor = await scriptedVisitor(suite.hearth.url, me.sites[0]!.key);
  const conversationId = await visitor.say(first);
  await page.goto(`${suite.hearth.url}/console/conversations/${conversationId}`);
  await page.getByRole('log').getByText(first).waitFor();
  return conversationId;
}

describe('the canned replies list follows the Replies page; an unmatched /word is never sent (issue 16 item 12)', () => {
  it('a reply created on the Replies page is in the / list at once; Enter with no match sends nothing, Escape then Enter sends the text', async () => {
    const me = await deskLogin(suite.hearth.url);
    const context = await suite.browser.newContext();
    const page = await context.newPage();
    await signIn(page);
    const conversationId = await openConversation(page, me, 'Do you have gift cards?');

    // The Replies page, reached from the top navigation (no reload): a personal reply and a site-wide one.
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Replies' }).click();
    for (const [scope, title, shortcut, text] of [
      ['Only me', 'Gift cards', 'gift', 'Yes, from €10 to €200.'],
      ['Everyone on the site', 'Opening hours', 'hours', 'We are open 9–18.'],
    ] as const) {
      await page.getByRole('button', { name: 'New reply' }).click();
      const form = page.getByRole('form', { name: 'New canned reply' });
      await form.getByLabel('Who can use it').selectOption({ label: scope });
      await form.getByLabel('Title').fill(title);
      await form.getByLabel('Shortcut').fill(shortcut);
      await form.getByLabel('Text').fill(text);
      await form.getByRole('button', { name: 'Save' }).click();
      await page.getByRole('cell', { name: `/${shortcut}`, exact: true }).waitFor();
    }
    await page.goBack();
    await page.getByRole('log').getByText('Do you have gift cards?').waitFor();

    const reply = page.getByRole('textbox', { name: 'Reply' });
    const list = page.getByRole('listbox', { name: 'Canned replies' });
    for (const [typed, title, text] of [['/gif', 'Gift cards', 'Yes, from €10 to €200.'], ['/hou', 'Opening hours', 'We are open 9–18.']] as const) {
      await reply.fill('');
      await reply.pressSequentially(typed);
      await list.getByRole('option', { name: new RegExp(title) }).waitFor({ timeout: 2000 });
      await reply.press('Enter');
      await expect.poll(() => reply.inputValue()).toBe(text);
    }

    // No match: the list says so, and Enter sends nothing.
    await reply.fill('');
    await reply.pressSequentially('/sh');
    await list.getByRole('option', { name: /No matching canned reply/ }).waitFor();
    await reply.press('Enter');
    await page.waitForTimeout(500);
    expect(await reply.inputValue()).toBe('/sh');
    expect(queryDb(suite.hearth.dataDir, 'select body from messages where conversation_id = ? and body = ?', conversationId, '/sh')).toEqual([]);
    // The agent meant it: Escape closes the list, then Enter sends "/sh" as written.
    await reply.press('Escape');
    await reply.press('Enter');
    await page.getByRole('log').getByText('/sh', { exact: true }).waitFor();
    await context.close();
  });
});

describe('every filter a person types into ignores case and accents (issue 16 item 7)', () => {
  it('the / picker finds "Olá, tudo bem?" by /ola, /olá and /OLA, and "manhã" by /manha; /olá keeps it open', async () => {
    const me = await deskLogin(suite.hearth.url);
    const siteId = me.sites[0]!.id;
    for (const [title, shortcut] of [['Olá, tudo bem?', 'ola-pt'], ['Bom dia, manhã cedo', 'bom-dia'], ['Größe und Passform', 'groesse']]) {
      expect((await post(me, `/api/sites/${siteId}/canned-replies`, { scope: 'site', title, shortcut, text: `${title}!` })).status).toBe(201);
    }
    const context = await suite.browser.newContext();
    const page = await context.newPage();
    await signIn(page);
    await openConversation(page, me, 'Oi, preciso de ajuda');
    const reply = page.getByRole('textbox', { name: 'Reply' });
    const list = page.getByRole('listbox', { name: 'Canned replies' });
    for (const [typed, title] of [
      ['/ola', 'Olá, tudo bem?'],
      ['/olá', 'Olá, tudo bem?'],
      ['/OLÁ', 'Olá, tudo bem?'],
      ['/manha', 'Bom dia, manhã cedo'],
      ['/MANHÃ', 'Bom dia, manhã cedo'],
      ['/grosse', 'Größe und Passform'],
    ] as const) {
      await reply.fill('');
      await reply.pressSequentially(typed);
      await list.getByRole('option', { name: new RegExp(title.replace('?', '\\?')) }).waitFor({ timeout: 2000 });
    }
    await reply.press('Enter');
    await expect.poll(() => reply.inputValue()).toBe('Größe und Passform!');
    await context.close();
  });

  it('the label menu filters labels, and the transfer dialog colleagues and departments, as the agent types', async () => {
    const me = await deskLogin(suite.hearth.url);
    const siteId = me.sites[0]!.id;
    for (const name of ['Ações urgentes', 'Fatura', 'VIP']) {
      expect((await post(me, `/api/sites/${siteId}/labels`, { name, color: '#4f46e5' })).status).toBe(201);
    }
    for (const name of ['Faturação', 'Suporte técnico']) {
      expect((await post(me, `/api/sites/${siteId}/departments`, { name })).status).toBe(201);
    }
    const context = await suite.browser.newContext();
    const page = await context.newPage();
    await signIn(page);
    await openConversation(page, me, 'Minha fatura está errada');

    await page.getByText('+ Label').click();
    const name = page.getByLabel('New label');
    const options = () => page.locator('.label-options li').allTextContents();
    await expect.poll(options).toEqual(['Ações urgentes', 'Fatura', 'VIP']);
    for (const [typed, shown] of [['acoes', ['Ações urgentes']], ['AÇÕES', ['Ações urgentes']], ['fatu', ['Fatura']], ['vi', ['VIP']], ['zz', []]] as const) {
      await name.fill(typed);
      await expect.poll(options, { message: typed }).toEqual(shown);
    }
    await name.fill('acoes');
    await page.locator('.label-options').getByRole('button').click();
    await page.getByRole('group', { name: 'Labels' }).getByText('Ações urgentes').waitFor();

    await page.getByRole('button', { name: 'Transfer' }).click();
    const dialog = page.getByRole('dialog', { name: 'Transfer conversation' });
    const target = dialog.getByLabel('Transfer to');
    const choices = () => target.locator('option').allTextContents();
    await expect.poll(choices).toEqual(['Choose…', 'Faturação', 'Suporte técnico']);
    const find = dialog.getByRole('searchbox', { name: 'Find a colleague or department' });
    for (const [typed, shown] of [['faturacao', ['Faturação']], ['TECNICO', ['Suporte técnico']], ['suporte tec', ['Suporte técnico']]] as const) {
      await find.fill(typed);
      await expect.poll(choices, { message: typed }).toEqual(['Choose…', ...shown]);
    }
    await context.close();
  });
});
