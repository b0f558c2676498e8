import { createRequire } from 'node:module';
import { join } from 'node:path';
import { openDatabase } from '@hearth/db';
import { io, type Socket } from 'socket.io-client';
import type { Frame, Page } from 'playwright-core';
import { apiLogin } from './hearth-api.ts';

/** axe-core's browser build, injected into the page or the widget frame (needs a context with bypassCSP). */
const AXE_PATH = createRequire(import.meta.url).resolve('axe-core');

interface AxeResult {
  violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown[] }> }>;
}

/** axe's violations (WCAG 2.x A and AA) as readable lines: `[]` is the goal. `include` scopes it to one element. */
export async function axeViolations(target: Page | Frame, include?: string): Promise<string[]> {
  await target.addScriptTag({ path: AXE_PATH });
  return target.evaluate(async (selector) => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<AxeResult> } }).axe;
    const result = await axe.run(selector ? { include: [[selector]] } : document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return result.violations.map((v) => `${v.id} (${v.help}): ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  }, include ?? null);
}

/** The widget's iframe as a Frame (for evaluate and addScriptTag), once the loader created it. */
export async function widgetFrame(page: Page): Promise<Frame> {
  for (let i = 0; i < 100; i++) {
    const frame = page.frames().find((f) => f.url().includes('/widget/frame.html'));
    if (frame) return frame;
    await page.waitForTimeout(100);
  }
  throw new Error('the widget frame never appeared');
}

/** Posts a host→frame embed message as the loader would (the test page is the frame's parent). */
export async function postToFrame(page: Page, message: Record<string, unknown>): Promise<void> {
  await page.evaluate((m) => {
    const iframe = document.querySelector('hearth-widget')!.shadowRoot!.querySelector('iframe')!;
    iframe.contentWindow!.postMessage(m, new URL(iframe.src).origin);
  }, message);
}

/** Merges into the demo site's stored settings (the server reads them on each session request). */
export function patchDemoSettings(dataDir: string, patch: Record<string, Record<string, unknown>>): void {
  const db = openDatabase(join(dataDir, 'hearth.db'));
  const row = db.sqlite.prepare("select settings from sites where key = 'demo'").get() as { settings: string | null };
  const settings = JSON.parse(row.settings ?? '{}') as Record<string, Record<string, unknown>>;
  for (const [key, value] of Object.entries(patch)) settings[key] = { ...settings[key], ...value };
  db.sqlite.prepare("update sites set settings = ? where key = 'demo'").run(JSON.stringify(settings));
  db.close();
}

/** Reads the server's database (between requests: SQLite WAL lets a reader in alongside the server). */
export function queryDb<T>(dataDir: string, statement: string, ...params: unknown[]): T[] {
  const db = openDatabase(join(dataDir, 'hearth.db'));
  try {
    return db.sqlite.prepare(statement).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** The conversation a visitor's message went into, once the server stored it. */
export async function conversationOf(dataDir: string, body: string): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const [row] = queryDb<{ id: string }>(dataDir, 'select conversation_id as id from messages where body = ?', body);
    if (row) return row.id;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no message "${body}" was stored`);
}

/** The demo owner as a signed-in agent socket (so the widget shows agents online), with the commands the tests need. */
export async function connectAgent(baseUrl: string) {
  const { cookie } = await apiLogin(baseUrl);
  const socket: Socket = io(`${baseUrl}/agent`, { transports: ['websocket'], forceNew: true, extraHeaders: { cookie } });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  const ask = <T>(event: string, payload: unknown) =>
    new Promise<T>((resolve, reject) =>
      socket.emit(event, payload, (ack: { ok: boolean; data: T; error?: { message: string } }) => (ack.ok ? resolve(ack.data) : reject(new Error(ack.error!.message)))),
    );
  return {
    say: (conversationId: string, body: string) => ask('message:send', { conversationId, clientId: crypto.randomUUID(), body }),
    close: (conversationId: string) => ask('conversation:close', { conversationId }),
    disconnect: () => socket.disconnect(),
  };
}
