import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';
import { useHearthAndChromium } from './server-process.ts';
import { putRouting, signInToConsole } from './hearth-api.ts';
import { deskLogin, scriptedVisitor, type DeskSession } from './desk-support.ts';
import { XSS_PAYLOADS } from './xss-corpus.ts';

/**
 * The XSS corpus through the agents' desk as the console shows it: canned reply titles (in the /
 * list) and texts (inserted into the composer and sent), internal notes, label names (chips and
 * the label menu) and CSAT comments (the rating chip's tooltip). Like xss-csp.e2e.ts, every payload
 * sets `self.__xss` if it runs; here the console page must also hold no element carrying an inline
 * handler or a javascript: URL, which would run without the console's CSP.
 *
 * A sample, not the whole corpus: every fifth payload (41 of 205, each vector in several of its
 * contexts). Each canned reply goes through the keyboard and each CSAT comment needs its own closed
 * conversation, so the full corpus per surface would take minutes; xss-csp.e2e.ts sends all of it
 * through the message, name and page fields that share these renderers' text path.
 */
const SAMPLE = XSS_PAYLOADS.filter((_, i) => i % 5 === 0);
const LABEL_NAME_MAX = 32;

const suite = useHearthAndChromium({ SOCKET_EVENTS_BURST: '100000', SOCKET_EVENTS_PER_MIN: '1000000', CLIENT_EVENTS_BURST: '100000', CLIENT_EVENTS_PER_MIN: '1000000', IP_EVENTS_BURST: '100000', IP_EVENTS_PER_MIN: '1000000', RATE_WIDGET_SESSIONS_PER_HOUR: '100000' });

async function agentSocket(me: DeskSession): Promise<Socket> {
  const socket = io(`${suite.hearth.url}/agent`, { transports: ['websocket'], forceNew: true, extraHeaders: { cookie: me.cookie } });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

async function ask(socket: Socket, event: string, payload: unknown): Promise<Record<string, any>> {
  const ack = (await socket.timeout(10_000).emitWithAck(event, payload)) as { ok: boolean; data?: Record<string, any>; error?: unknown };
  if (!ack.ok) throw new Error(`${event} refused: ${JSON.stringify(ack.error)}`);
  return ack.data ?? {};
}

async function call(me: DeskSession, method: 'POST', path: string, body: unknown): Promise<Record<string, any>> {
  const res = await fetch(suite.hearth.url + path, { method, headers: { cookie: me.cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as Record<string, any>;
}

/** Soft navigation, as the console's own links do: no reload between conversations. */
async function openInConsole(page: Page, conversationId: string): Promise<void> {
  await page.evaluate((path) => {
    history.pushState(null, '', path);
    dispatchEvent(new PopStateEvent('popstate'));
  }, `/console/conversations/${conversationId}`);
}

/** What would have run had the console's CSP not stopped it: the flag, inline handlers, javascript: URLs. */
function executionsAndInjections(page: Page) {
  return page.evaluate(() => {
    const injected: string[] = [];
    for (const el of Array.from(document.querySelectorAll('*'))) {
      for (const attr of Array.from(el.attributes)) {
        const name = attr.name.toLowerCase();
        // (A data: URL is left alone: the console's own favicon is one, and a framed one is caught as an iframe.)
        if (name.startsWith('on') || name === 'srcdoc' || (/^(href|xlink:href|src|action|formaction|data)$/.test(name) && /^\s*javascript:/i.test(attr.value))) {
          injected.push(`<${el.localName} ${name}>`);
        }
      }
      if (['script', 'iframe', 'object', 'embed'].includes(el.localName) && !(el.localName === 'script' && (el as HTMLScriptElement).src)) injected.push(`<${el.localName}>`);
    }
    return { executed: (self as unknown as { __xss?: unknown }).__xss ?? null, injected };
  });
}

describe('XSS corpus through the agents’ desk', () => {
  it(`${SAMPLE.length} payloads as canned replies, notes, label names and CSAT comments: none runs in the console`, async () => {
    expect(SAMPLE.length).toBeGreaterThanOrEqual(40);
    const me = await deskLogin(suite.hearth.url);
    const site = me.sites[0]!;
    await putRouting(suite.hearth.url, me.cookie, site.id, { defaultMaxChats: 20 });
    const context = await suite.browser.newContext();
    const page = await context.newPage();
    const cspMessages: string[] = [];
    page.on('console', (m) => /Content Security Policy|Refused to/i.test(m.text()) && cspMessages.push(m.text()));
    // Label names (at most 32 characters): the short payloads whole, the sample cut to length. Made
    // before signing in: the console loads the site's labels when it starts.
    const names = [
      ...new Map(
        [...XSS_PAYLOADS.filter((p) => p.trim().length <= LABEL_NAME_MAX), ...SAMPLE.map((p) => p.slice(0, LABEL_NAME_MAX))]
          .map((p) => p.trim())
          .filter(Boolean)
          .map((name) => [name.toLowerCase(), name]),
      ).values(),
    ];
    const labelIds: string[] = [];
    for (const name of names) labelIds.push((await call(me, 'POST', `/api/sites/${site.id}/labels`, { name, color: '#a855f7' })).label.id);
    await signInToConsole(page, suite.hearth.url);
    await page.getByRole('button', { name: /account menu/ }).waitFor();
    const agent = await agentSocket(me);
    const visitor = await scriptedVisitor(suite.hearth.url, site.key);
    const conversationId = await visitor.say('xss desk: start');
    await openInConsole(page, conversationId);
    const log = page.getByRole('log');
    await log.getByText('xss desk: start').waitFor();
    const chips = page.getByRole('group', { name: 'Labels' });

    // Canned replies, created while the console is open: canned:changed brings them into the / list.
    const shortcut = (i: number) => `xss-${String(i).padStart(3, '0')}`;
    for (const [i, payload] of SAMPLE.entries()) {
      await call(me, 'POST', `/api/sites/${site.id}/canned-replies`, { scope: 'site', title: payload.slice(0, 80), shortcut: shortcut(i), text: payload });
    }
    const reply = page.getByRole('textbox', { name: 'Reply' });
    const list = page.getByRole('listbox', { name: 'Canned replies' });
    for (const [i, payload] of SAMPLE.entries()) {
      await reply.click();
      await reply.pressSequentially(`/${shortcut(i)}`);
      // The title is on screen as text in the option.
      await list.getByRole('option', { name: shortcut(i) }).getByText(payload.slice(0, 80).trim(), { exact: true }).waitFor();
      await reply.press('Enter');
      // Placeholders are filled; a payload without any is inserted verbatim.
      if (!payload.includes('{{')) await expect.poll(() => reply.inputValue()).toBe(payload);
      await page.getByRole('button', { name: 'Send' }).click();
      await expect.poll(() => reply.inputValue()).toBe('');
    }
    await ask(agent, 'message:send', { conversationId, clientId: crypto.randomUUID(), body: 'xss desk: canned sent' });
    await log.getByText('xss desk: canned sent').waitFor();
    expect(await log.getByText(SAMPLE[1]!, { exact: true }).count()).toBeGreaterThan(0);

    // Internal notes, arriving live in the open conversation.
    for (const payload of SAMPLE) await ask(agent, 'note:add', { conversationId, clientId: crypto.randomUUID(), body: payload });
    await ask(agent, 'note:add', { conversationId, clientId: crypto.randomUUID(), body: 'xss desk: notes end' });
    await log.getByText('xss desk: notes end').waitFor();
    // As text: the same payload now shows twice, once sent from the canned reply, once as a note.
    expect(await log.getByText(SAMPLE[1]!, { exact: true }).count()).toBe(2);

    // Label names: the menu lists the site's labels, then each is put on the conversation (chips).
    await chips.getByText('+ Label').click();
    for (const name of names) await page.locator('.label-options').getByText(name, { exact: true }).waitFor();
    for (const id of labelIds) await ask(agent, 'label:add', { conversationId, labelId: id });
    await expect.poll(() => chips.locator('.label-chip').count(), { timeout: 10_000 }).toBe(names.length);

    // CSAT comments: one closed, rated conversation per payload, each opened in the console.
    const rated: Array<{ id: string; comment: string }> = [];
    for (const payload of SAMPLE) {
      const rater = await scriptedVisitor(suite.hearth.url, site.key);
      const id = await rater.say('xss desk: rating');
      await ask(agent, 'message:send', { conversationId: id, clientId: crypto.randomUUID(), body: 'Answered.' }); // only answered chats are rated
      await ask(agent, 'conversation:close', { conversationId: id });
      await ask(rater.socket, 'csat:rate', { conversationId: id, score: 5, ces: null, comment: payload });
      rater.socket.disconnect();
      rated.push({ id, comment: payload });
    }
    for (const { id, comment } of rated) {
      await openInConsole(page, id);
      const chip = page.locator('.conversation-head .chip', { hasText: 'Rated 5/5' });
      await chip.waitFor();
      expect(await chip.getAttribute('title')).toBe(comment);
    }

    const found = await executionsAndInjections(page);
    console.info(`[xss-desk] payloads per surface: ${SAMPLE.length} (labels ${names.length}), executions: ${found.executed ? 1 : 0}, injected: ${found.injected.length}, CSP messages: ${cspMessages.length}`);
    expect(found).toEqual({ executed: null, injected: [] });
    expect(cspMessages).toEqual([]);
    agent.disconnect();
    visitor.socket.disconnect();
    await context.close();
  }, 240_000);
});
