import { randomBytes, randomUUID } from 'node:crypto';
import type { AgentId, SiteId } from '@hearth/protocol';
import type { Store, StoreTx } from '../store/store.ts';
import { hashPassword } from '../auth/password.ts';
import { seedDemoTriggers } from '../triggers/demo-triggers.ts';
import './instance.store.ts';

export interface InstallationResult {
  created: boolean;
  siteKey?: string;
  ownerEmail?: string;
  /** Only when we generated it: printed once, never stored in clear. */
  generatedPassword?: string;
}

export interface NewSite {
  name: string;
  key?: string;
}
export interface NewAgent {
  email: string;
  name: string;
  password: string;
}

type HashedTeam = Array<Omit<NewAgent, 'password'> & { passwordHash: string; role: 'owner' | 'agent' }>;

/** Writes a site and its accounts and memberships inside the caller's unit. */
async function insertSiteWithTeam(tx: StoreTx, site: NewSite, team: HashedTeam, now: number): Promise<{ siteId: SiteId; siteKey: string; agentIds: AgentId[] }> {
  const siteId = randomUUID() as SiteId;
  const siteKey = site.key ?? randomBytes(9).toString('base64url');
  const agentIds = team.map(() => randomUUID() as AgentId);
  await tx.sites.create({ id: siteId, key: siteKey, name: site.name, secret: randomBytes(32).toString('base64url'), createdAt: now });
  for (const [i, agent] of team.entries()) {
    await tx.team.createAgent({ id: agentIds[i]!, email: agent.email.toLowerCase(), name: agent.name, passwordHash: agent.passwordHash, createdAt: now });
    await tx.team.addMember({ siteId, agentId: agentIds[i]!, role: agent.role, createdAt: now });
  }
  return { siteId, siteKey, agentIds };
}

const hashTeam = async (team: Array<NewAgent & { role: 'owner' | 'agent' }>): Promise<HashedTeam> =>
  Promise.all(team.map(async ({ password, ...agent }) => ({ ...agent, passwordHash: await hashPassword(password) })));

/**
 * Creates a site with an owner (and optionally more agents) in one unit. Passwords are hashed
 * before it (scrypt is slow and a unit awaits only the store). A taken email or key rejects.
 */
export async function createSiteWithTeam(
  store: Store,
  site: NewSite,
  team: Array<NewAgent & { role: 'owner' | 'agent' }>,
): Promise<{ siteId: SiteId; siteKey: string; agentIds: AgentId[] }> {
  const hashed = await hashTeam(team);
  return store.unit((tx) => insertSiteWithTeam(tx, site, hashed, Date.now()));
}

/** The instance setting that marks a finished first boot (a site-less installation has no other trace). */
const INSTALLED_KEY = 'installed';

/**
 * On an empty database, in one unit under the installation lock (so nodes booting together install
 * once): the owner account (from HEARTH_ADMIN_* or generated) and, with `demo`, the demo site
 * "Ember & Oak" (key `demo`) with its triggers. Without `demo` there is no site at all: the owner
 * signs in and creates their own (POST /api/sites). An `installed` instance setting records the
 * first boot, so an owner who erased every site, or changed the admin's address, never gets a
 * second generated account on the next start.
 */
export async function ensureInstallation(
  store: Store,
  admin: { email?: string | undefined; password?: string | undefined },
  options: { demo: boolean } = { demo: true },
): Promise<InstallationResult> {
  // Installations from before the marker have sites: nothing to do, and no lock to take.
  if ((await store.read.sites.count()) > 0) return { created: false };
  const email = admin.email ?? 'admin@hearth.local';
  const generatedPassword = admin.password ? undefined : randomBytes(12).toString('base64url');
  const password = admin.password ?? generatedPassword!;
  const team = await hashTeam([{ email, name: displayNameFromEmail(email), password, role: 'owner' }]);
  const created = await store.unit(async (tx) => {
    await tx.instance.lockInstallation();
    if ((await tx.sites.count()) > 0) return null;
    const now = Date.now();
    const mark = `${now}:${randomUUID()}`;
    if ((await tx.instance.settingOrInit(INSTALLED_KEY, mark)) !== mark) return null;
    if (options.demo) {
      const { siteId, siteKey } = await insertSiteWithTeam(tx, { name: 'Ember & Oak (demo shop)', key: 'demo' }, team, now);
      await seedDemoTriggers(tx, siteId, now);
      return { siteKey };
    }
    if (await tx.auth.agentByEmail(email.toLowerCase())) return null;
    const owner = team[0]!;
    await tx.team.createAgent({ id: randomUUID() as AgentId, email: email.toLowerCase(), name: owner.name, passwordHash: owner.passwordHash, createdAt: now });
    return { siteKey: undefined };
  });
  if (created === null) return { created: false };
  return {
    created: true,
    ...(created.siteKey ? { siteKey: created.siteKey } : {}),
    ownerEmail: email,
    ...(generatedPassword ? { generatedPassword } : {}),
  };
}

function displayNameFromEmail(email: string): string {
  const local = email.split('@')[0] ?? 'Owner';
  return local.charAt(0).toUpperCase() + local.slice(1);
}
