import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WidgetPublicConfig } from '@hearth/protocol';
import { startServer, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startServer();
});
afterAll(async () => {
  await h.close();
});

const get = (site: string) => fetch(`${h.url}/api/widget/config?site=${encodeURIComponent(site)}`);

describe('GET /api/widget/config', () => {
  it("answers any origin with the site's appearance (defaults filled) and no triggers when none is enabled; cacheable briefly", async () => {
    const res = await get(h.siteA.siteKey);
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('cache-control')).toBe('public, max-age=30');
    const config = (await res.json()) as WidgetPublicConfig;
    expect(config).toEqual({
      appearance: expect.objectContaining({ brandColor: '#4f46e5', position: 'right', theme: 'auto', launcherLabel: '', locale: null }),
      onBrand: '#ffffff',
      triggers: null,
    });
  });

  it("serves the owner's appearance for that site only", async () => {
    const appearance = { brandColor: '#fde047', position: 'left', theme: 'dark', launcherLabel: 'Ask us' };
    await h.sql('update sites set settings = ? where id = ?', [JSON.stringify({ appearance }), h.siteB.siteId]);
    const siteB = (await (await get(h.siteB.siteKey)).json()) as WidgetPublicConfig;
    expect(siteB.appearance).toMatchObject(appearance);
    // The launcher's text on yellow: near-black, computed here so the loader carries no color math.
    expect(siteB.onBrand).toBe('#111827');
    expect(((await (await get(h.siteA.siteKey)).json()) as WidgetPublicConfig).appearance.brandColor).toBe('#4f46e5');
  });

  it('refuses an unknown site with a code, and a malformed key', async () => {
    const unknown = await get('no-such-site');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: { code: 'unknown_site', message: 'No site has this key.' } });
    expect((await get("'; drop table sites; --")).status).toBe(400);
    expect((await fetch(`${h.url}/api/widget/config`)).status).toBe(400);
  });
});
