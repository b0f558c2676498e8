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
});
