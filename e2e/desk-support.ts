import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';
import { ADMIN } from './server-process.ts';

/** What the desk tests read of GET /api/auth/me. */
export interface DeskSession {
  agent: { id: string; name: string };
  sites: Array<{ id: string; name: string; key: string }>;
  cookie: string;
}

export async function deskLogin(baseUrl: string): Promise<DeskSession> {
  const res = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const me = (await (await fetch(`${baseUrl}/api/auth/me`, { headers: { cookie } })).json()) as Omit<DeskSession, 'cookie'>;
  return { ...me, cookie };
}

/** A visitor as a script (no browser): a widget session and its socket. */
export async function scriptedVisitor(baseUrl: string, siteKey: string): Promise<{ socket: Socket; say: (body: string) => Promise<string> }> {
  const res = await fetch(`${baseUrl}/api/widget/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ siteKey }) });
  const { token } = (await res.json()) as { token: string };
  const socket = io(`${baseUrl}/visitor`, { transports: ['websocket'], forceNew: true, auth: { token } });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return {
    socket,
    async say(body: string) {
      const ack = (await socket.timeout(5000).emitWithAck('message:send', { clientId: crypto.randomUUID(), body })) as {
        ok: boolean;
        data: { conversation: { id: string } };
      };
      if (!ack.ok) throw new Error(`send failed: ${JSON.stringify(ack)}`);
      return ack.data.conversation.id;
    },
  };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core'), 'utf8');

/** axe-core violations inside `selector` on the page. */
export async function axeViolations(page: Page, selector: string): Promise<string[]> {
  // Evaluated (not a script tag): the console's CSP rightly refuses inline scripts.
  await page.evaluate(axeSource);
  return page.evaluate(async (sel) => {
    const axe = (window as unknown as { axe: { run(el: Element): Promise<{ violations: Array<{ id: string; help: string }> }> } }).axe;
    const result = await axe.run(document.querySelector(sel)!);
    return result.violations.map((v) => `${v.id}: ${v.help}`);
  }, selector);
}
