import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';
import { openDatabase } from '@hearth/db';
import { ADMIN, launchChromium, startHearth } from './server-process.ts';
import { XSS_PAYLOADS } from './xss-corpus.ts';

/**
 * The XSS corpus through every user-controlled field this build renders — message bodies (both
 * directions), visitor names and emails, page titles and URLs — shown in the widget (on a host page
 * with a strict CSP) and in the console. Every payload sets `self.__xss` if it runs: it must stay
 * unset in every window, and the strict CSP must report zero violations.
 */
let hearth: Awaited<ReturnType<typeof startHearth>>;
let browser: Browser;
let shop: Server;
let shopUrl: string;
const sockets: Socket[] = [];

beforeAll(async () => {
  // The corpus is sent in bulk from one address: the production limits would (rightly) throttle it.
  hearth = await startHearth({ SOCKET_EVENTS_BURST: '100000', SOCKET_EVENTS_PER_MIN: '1000000', CLIENT_EVENTS_BURST: '100000', CLIENT_EVENTS_PER_MIN: '1000000', IP_EVENTS_BURST: '100000', IP_EVENTS_PER_MIN: '1000000', RATE_WIDGET_SESSIONS_PER_HOUR: '100000' });
  browser = await launchChromium();
  const hearthWs = hearth.url.replace('http', 'ws');
  const csp = [
    "default-src 'none'",
    `script-src 'self' ${hearth.url}`,
    `frame-src ${hearth.url}`,
    `connect-src 'self' ${hearth.url} ${hearthWs}`,
    "style-src 'self'",
    "img-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const html = `<!doctype html><title>Strict shop</title><script src="/probe.js"></script>
<h1>A shop with a strict Content-Security-Policy</h1><script async src="${hearth.url}/widget.js" data-site="demo"></script>`;
  const probe = `self.__violations = []; document.addEventListener('securitypolicyviolation', (e) => self.__violations.push(e.violatedDirective + ' ' + e.blockedURI));`;
  shop = createServer((req, res) => {
    if (req.url === '/probe.js') return res.writeHead(200, { 'content-type': 'text/javascript' }).end(probe);
    if (req.url === '/favicon.ico') return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html', 'content-security-policy': csp }).end(html);
  });
  await new Promise<void>((resolve) => shop.listen(0, '127.0.0.1', resolve));
  const address = shop.address();
  shopUrl = `http://localhost:${typeof address === 'object' && address ? address.port : 0}/`;
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await browser?.close();
  await hearth?.stop();
  await new Promise((r) => shop?.close(r));
});

function socket(namespace: string, options: { token?: string; cookie?: string }): Promise<Socket> {
  const s = io(hearth.url + namespace, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    auth: options.token ? { token: options.token } : {},
    extraHeaders: options.cookie ? { cookie: options.cookie } : {},
  });
  sockets.push(s);
  return new Promise((resolve, reject) => {
    s.once('connect', () => resolve(s));
    s.once('connect_error', reject);
  });
}

const ask = async (s: Socket, event: string, payload: unknown) => {
  const ack = (await s.timeout(10_000).emitWithAck(event, payload)) as { ok: boolean; data?: unknown; error?: unknown };
  if (!ack.ok) throw new Error(`${event} refused: ${JSON.stringify(ack.error)}`);
  return ack.data as Record<string, any>;
};

async function post(path: string, body: unknown, cookie?: string) {
  const res = await fetch(hearth.url + path, { method: 'POST', headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }, body: JSON.stringify(body) });
  return { res, body: (await res.json()) as Record<string, any> };
}

const flagIn = (target: Page | Frame) => target.evaluate(() => (self as unknown as { __xss?: unknown }).__xss ?? null);

describe('XSS corpus and strict CSP', () => {
  it(`${XSS_PAYLOADS.length} payloads through every field, in the widget and the console: none runs, no CSP violation`, async () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(200);
    const cspMessages: string[] = [];
    const visitorContext = await browser.newContext();
    const page = await visitorContext.newPage();
    page.on('console', (m) => /Content Security Policy|Refused to/i.test(m.text()) && cspMessages.push(m.text()));
    // An agent online: the widget offers the live chat, not the offline form.
    const cookieForPresence = (await post('/api/auth/login', ADMIN)).res.headers.get('set-cookie')!.split(';')[0]!;
    await socket('/agent', { cookie: cookieForPresence });
    await page.goto(shopUrl);
    await page.getByRole('button', { name: /chat/i }).click();
    const panel = page.frameLocator('iframe[title="Hearth chat"]');
    const box = panel.getByRole('textbox', { name: 'Message' });
    await box.fill('xss corpus: start');
    await box.press('Enter');
    await panel.getByText('xss corpus: start').waitFor();
    const frame = page.frames().find((f) => f.url().includes('/widget/frame.html'))!;
    // The frame has no storage of its own here (third-party storage is blocked): the loader keeps its token.
    const token = await page.evaluate(() => localStorage.getItem('hearth:token:demo'));
    expect(token).toBeTruthy();

    // Message bodies from the visitor (another tab of the same visitor) and from an agent.
    const cookie = (await post('/api/auth/login', ADMIN)).res.headers.get('set-cookie')!.split(';')[0]!;
    const visitorSocket = await socket('/visitor', { token: token! });
    const agentSocket = await socket('/agent', { cookie });
    let conversationId = '';
    for (const payload of XSS_PAYLOADS) {
      const sent = await ask(visitorSocket, 'message:send', { clientId: crypto.randomUUID(), body: payload });
      conversationId = sent.conversation.id;
    }
    await ask(visitorSocket, 'page:view', { url: `https://shop.test/?q=${encodeURIComponent(XSS_PAYLOADS[1]!)}`, title: XSS_PAYLOADS[1]!, referrer: null });
    for (const payload of XSS_PAYLOADS) await ask(agentSocket, 'message:send', { conversationId, clientId: crypto.randomUUID(), body: payload });
    await ask(agentSocket, 'message:send', { conversationId, clientId: crypto.randomUUID(), body: 'xss corpus: end' });
    await panel.getByRole('log').getByText('xss corpus: end').waitFor();
    // Rendered as text: the payload's characters are on screen, verbatim.
    expect(await panel.getByText(XSS_PAYLOADS[1]!, { exact: true }).count()).toBeGreaterThan(0);

    // Visitor names, emails, page titles and URLs: one identified visitor per payload.
    const db = openDatabase(join(hearth.dataDir, 'hearth.db'));
    const { secret } = db.sqlite.prepare("select secret from sites where key = 'demo'").get() as { secret: string };
    db.close();
    for (const [i, payload] of XSS_PAYLOADS.entries()) {
      const id = `xss-${i}`;
      const hash = createHmac('sha256', secret).update(id).digest('hex');
      const session = await post('/api/widget/session', { siteKey: 'demo', identity: { id, hash, name: payload.slice(0, 200), email: `xss${i}@shop.test` } });
      expect(session.res.status, payload).toBe(200);
      const s = await socket('/visitor', { token: session.body.token });
      await ask(s, 'page:view', { url: `https://shop.test/p?x=${encodeURIComponent(payload)}`, title: payload.slice(0, 512), referrer: null });
      await ask(s, 'message:send', { clientId: crypto.randomUUID(), body: i === XSS_PAYLOADS.length - 1 ? 'xss corpus: last visitor' : payload });
      s.disconnect();
    }

    // The console: inbox (names, previews), the long conversation, and a named visitor's conversation.
    const agentContext = await browser.newContext();
    const consolePage = await agentContext.newPage();
    await consolePage.goto(`${hearth.url}/console`);
    await consolePage.getByLabel('Email').fill(ADMIN.email);
    await consolePage.getByLabel('Password').fill(ADMIN.password);
    await consolePage.getByRole('button', { name: 'Sign in' }).click();
    await consolePage.getByText('xss corpus: end').first().click();
    await consolePage.getByRole('log').getByText('xss corpus: end').waitFor();
    await consolePage.getByText('xss corpus: last visitor').first().click();
    await consolePage.getByRole('log').getByText('xss corpus: last visitor').waitFor();

    const flags = { host: await flagIn(page), widget: await flagIn(frame), console: await flagIn(consolePage) };
    const violations = await page.evaluate(() => (self as unknown as { __violations: string[] }).__violations);
    console.info(`[xss] payloads: ${XSS_PAYLOADS.length}, executions: ${Object.values(flags).filter(Boolean).length}, CSP violations: ${violations.length + cspMessages.length}`);
    expect(flags).toEqual({ host: null, widget: null, console: null });
    expect(violations).toEqual([]);
    expect(cspMessages).toEqual([]);
    await visitorContext.close();
    await agentContext.close();
  }, 240_000);
});
