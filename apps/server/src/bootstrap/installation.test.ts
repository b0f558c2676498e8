import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ConfigSchema } from '../config.ts';
import { buildApp } from '../app.ts';
import { verifyPassword } from '../auth/password.ts';
import { ensureInstallation } from './installation.ts';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('first boot', () => {
  it('creates the demo site, its owner and its triggers once, however many boots race', async () => {
    app = await buildApp(ConfigSchema.parse({ DATABASE_FILE: ':memory:', LOG_LEVEL: 'silent' }), { logger: false });
    const results = await Promise.all([1, 2, 3].map(() => ensureInstallation(app!.store, { email: 'Boss@Shop.test', password: 'correct-horse-battery' })));
    expect(results.filter((r) => r.created)).toEqual([{ created: true, siteKey: 'demo', ownerEmail: 'Boss@Shop.test' }]);
    expect(await app.store.read.sites.count()).toBe(1);
    const site = await app.store.read.sites.byKey('demo');
    expect((await app.store.read.triggers.list(site!.id)).map((t) => t.name)).toEqual(['Cart abandon', 'Rage clicks']);
    const owner = await app.store.read.auth.agentByEmail('boss@shop.test');
    expect(owner).toMatchObject({ name: 'Boss' });
    expect(await verifyPassword('correct-horse-battery', owner!.passwordHash)).toBe(true);
    expect(await app.store.read.auth.siteRole(site!.id, owner!.id)).toBe('owner');
    // A later boot finds the installation and changes nothing.
    expect(await ensureInstallation(app.store, {})).toEqual({ created: false });
    expect(await app.store.read.sites.count()).toBe(1);
  });

  it('generates a password when none is configured, and shows it only in the result', async () => {
    app = await buildApp(ConfigSchema.parse({ DATABASE_FILE: ':memory:', LOG_LEVEL: 'silent' }), { logger: false });
    const result = await ensureInstallation(app.store, {});
    expect(result).toMatchObject({ created: true, ownerEmail: 'admin@hearth.local' });
    expect(result.generatedPassword).toMatch(/^[A-Za-z0-9_-]{16}$/);
    const owner = await app.store.read.auth.agentByEmail('admin@hearth.local');
    expect(owner!.passwordHash).not.toContain(result.generatedPassword!);
    expect(await verifyPassword(result.generatedPassword!, owner!.passwordHash)).toBe(true);
  });

  it('HEARTH_DEMO=false: only the owner account, no site and no triggers, once; a later boot adds nothing', async () => {
    app = await buildApp(ConfigSchema.parse({ DATABASE_FILE: ':memory:', LOG_LEVEL: 'silent', HEARTH_DEMO: 'false' }), { logger: false });
    const results = await Promise.all([1, 2].map(() => ensureInstallation(app!.store, { email: 'Me@Own.test' }, { demo: false })));
    const created = results.filter((r) => r.created);
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ created: true, ownerEmail: 'Me@Own.test', generatedPassword: expect.stringMatching(/^[A-Za-z0-9_-]{16}$/) });
    expect(created[0]!.siteKey).toBeUndefined();
    expect(await app.store.read.sites.count()).toBe(0);
    const owner = await app.store.read.auth.agentByEmail('me@own.test');
    expect(await verifyPassword(created[0]!.generatedPassword!, owner!.passwordHash)).toBe(true);
    expect(await app.store.read.auth.agentSites(owner!.id)).toEqual([]);
    // The owner changed their address (or erased every site): the next start creates no second admin.
    expect(await ensureInstallation(app.store, {}, { demo: false })).toEqual({ created: false });
    expect(await app.store.read.auth.agentByEmail('admin@hearth.local')).toBeNull();
    expect(await ensureInstallation(app.store, {}, { demo: true })).toEqual({ created: false });
    expect(await app.store.read.sites.count()).toBe(0);
    expect(app.hasRoute({ method: 'GET', url: '/demo' })).toBe(false);
  });
});
