import type { FrameLocator, Page } from 'playwright-core';
import { ADMIN } from './server-process.ts';

/** What the routing tests read of GET /api/auth/me (e2e does not depend on the protocol package). */
export interface Session {
  agent: { id: string; name: string };
  sites: Array<{ id: string }>;
}

/** Signs the demo owner in through the API, as a script would: the session and its cookie. */
export async function apiLogin(baseUrl: string): Promise<{ session: Session; cookie: string }> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  if (res.status !== 200) throw new Error(`login answered ${res.status}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const me = await fetch(`${baseUrl}/api/auth/me`, { headers: { cookie } });
  return { session: (await me.json()) as Session, cookie };
}

/** An owner's JSON call; throws unless it answers 2xx. */
export async function ownerCall<T>(baseUrl: string, cookie: string, method: 'PUT' | 'POST', path: string, body: unknown): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`, { method, headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

export const putRouting = (baseUrl: string, cookie: string, siteId: string, patch: Record<string, unknown>) =>
  ownerCall(baseUrl, cookie, 'PUT', `/api/sites/${siteId}/routing`, patch);

export async function signInToConsole(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/console`);
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Opens the widget on the demo shop. */
export async function openWidget(page: Page, baseUrl: string): Promise<FrameLocator> {
  await page.goto(`${baseUrl}/demo`);
  const launcher = page.locator('hearth-widget').locator('button.launcher');
  await launcher.waitFor();
  // A panel left open on this visit's previous page opens again by itself (issue 16 item 17).
  if ((await launcher.getAttribute('aria-expanded')) !== 'true') await launcher.click();
  return page.frameLocator('iframe[title="Hearth chat"]');
}

/**
 * Keeps an agent of the demo site online (a signed-in console socket), so the widget offers the live
 * chat rather than the offline form. Returns a function that disconnects it.
 */
export async function keepAgentOnline(baseUrl: string): Promise<() => void> {
  const { io } = await import('socket.io-client');
  const { cookie } = await apiLogin(baseUrl);
  const socket = io(`${baseUrl}/agent`, { transports: ['websocket'], forceNew: true, extraHeaders: { cookie } });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return () => socket.disconnect();
}
