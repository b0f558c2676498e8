import { randomBytes, randomUUID } from 'node:crypto';
import { count } from 'drizzle-orm';
import { schema, type HearthDb } from '@hearth/db';
import type { AgentId, SiteId } from '@hearth/protocol';
import { hashPassword } from '../auth/password.ts';
import { seedDemoTriggers } from '../triggers/trigger-store.ts';

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

/** Creates a site with an owner (and optionally more agents) in one transaction. */
export async function createSiteWithTeam(
  db: HearthDb,
  site: NewSite,
  team: Array<NewAgent & { role: 'owner' | 'agent' }>,
): Promise<{ siteId: SiteId; siteKey: string; agentIds: AgentId[] }> {
  const hashes = await Promise.all(team.map((a) => hashPassword(a.password)));
  const now = Date.now();
  const siteId = randomUUID() as SiteId;
  const siteKey = site.key ?? randomBytes(9).toString('base64url');
  const agentIds = team.map(() => randomUUID() as AgentId);
  db.transaction((tx) => {
    tx.insert(schema.sites).values({ id: siteId, key: siteKey, name: site.name, secret: randomBytes(32).toString('base64url'), createdAt: now }).run();
    team.forEach((agent, i) => {
      tx.insert(schema.agents)
        .values({ id: agentIds[i]!, email: agent.email.toLowerCase(), name: agent.name, passwordHash: hashes[i]!, createdAt: now })
        .run();
      tx.insert(schema.memberships).values({ siteId, agentId: agentIds[i]!, role: agent.role, createdAt: now }).run();
    });
  });
  return { siteId, siteKey, agentIds };
}

/** On an empty database: the demo site and its owner, from HEARTH_ADMIN_* or generated. */
export async function ensureInstallation(
  db: HearthDb,
  admin: { email?: string | undefined; password?: string | undefined },
): Promise<InstallationResult> {
  const [row] = db.select({ n: count() }).from(schema.sites).all();
  if ((row?.n ?? 0) > 0) return { created: false };
  const email = admin.email ?? 'admin@hearth.local';
  const generatedPassword = admin.password ? undefined : randomBytes(12).toString('base64url');
  const password = admin.password ?? generatedPassword!;
  const { siteId, siteKey } = await createSiteWithTeam(db, { name: 'Ember & Oak (demo shop)', key: 'demo' }, [
    { email, name: displayNameFromEmail(email), password, role: 'owner' },
  ]);
  seedDemoTriggers(db, siteId, Date.now());
  return { created: true, siteKey, ownerEmail: email, ...(generatedPassword ? { generatedPassword } : {}) };
}

function displayNameFromEmail(email: string): string {
  const local = email.split('@')[0] ?? 'Owner';
  return local.charAt(0).toUpperCase() + local.slice(1);
}
