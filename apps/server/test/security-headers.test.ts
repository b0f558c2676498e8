import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type Harness } from './harness.ts';

let h: Harness;
let dir: string;
beforeAll(async () => {
  // Stand-in builds, so this test does not depend on `pnpm build` having run.
  dir = mkdtempSync(join(tmpdir(), 'hearth-headers-'));
  for (const sub of ['console', 'widget/loader', 'widget/panel']) mkdirSync(join(dir, sub), { recursive: true });
  writeFileSync(join(dir, 'console/index.html'), '<!doctype html><title>console</title>');
  writeFileSync(join(dir, 'widget/loader/widget.js'), '/* loader */');
  writeFileSync(join(dir, 'widget/panel/frame.html'), '<!doctype html><title>frame</title>');
  h = await startServer({ env: { CONSOLE_DIST: join(dir, 'console'), WIDGET_DIST: join(dir, 'widget') } });
});
afterAll(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('security headers', () => {
  it('the console gets a strict CSP, no framing and nosniff', async () => {
    const res = await fetch(h.url + '/console/');
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });

  it('the widget frame and loader stay embeddable (no frame-blocking headers)', async () => {
    for (const path of ['/widget/frame.html', '/widget.js']) {
      const res = await fetch(h.url + path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('x-frame-options'), path).toBeNull();
      expect(res.headers.get('content-security-policy') ?? '', path).not.toContain('frame-ancestors');
    }
  });

  it('the widget frame has its own CSP: only its own scripts, its socket on Hearth, still embeddable anywhere', async () => {
    const csp = (await fetch(h.url + '/widget/frame.html')).headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('frame-ancestors');
  });

  it('every /api answer carries nosniff, and personal data (exports, search, reports, lists) is never cached', async () => {
    const owner = await h.login(h.siteA.ownerEmail);
    const site = h.siteA.siteId;
    const gets = h.routes.filter((r) => r.method === 'GET' && r.url.startsWith('/api/'));
    expect(gets.length).toBeGreaterThan(10);
    for (const route of gets) {
      const path = route.url.replace(/:siteId/g, site).replace(/:[A-Za-z]+/g, 'x1234567');
      const res = await fetch(h.url + path, { headers: { cookie: owner } });
      expect([route.url, res.headers.get('x-content-type-options')]).toEqual([route.url, 'nosniff']);
    }
    const personal = [
      `/api/transcripts/search?q=hello`,
      `/api/transcripts/search?q=hello&format=csv`,
      `/api/sites/${site}/team`,
      `/api/auth/me`,
      `/api/reports?siteId=${site}`,
    ];
    for (const path of personal) {
      const res = await fetch(h.url + path, { headers: { cookie: owner } });
      expect([path, res.status < 500, res.headers.get('cache-control')]).toEqual([path, true, 'no-store']);
    }
  });
});

