import { randomBytes, randomUUID } from 'node:crypto';
import type { AgentId, AgentSite, SiteId } from '@hearth/protocol';
import type { StoreTx } from '../store/store.ts';
import { HttpError } from '../auth/request-auth.ts';

/** One account may own this many sites: creating sites is open to every account, so it is bounded. */
export const MAX_OWNED_SITES = 20;
/** The install check keeps at most this many origins per site (a forged Origin cannot grow it). */
export const MAX_INSTALL_ORIGINS = 20;

declare module '../store/facts.ts' {
  interface Facts {
    /** A signed-in account created a site and became its owner. */
    'site.created': { siteId: SiteId; ownerId: AgentId };
    /**
     * A site and all its rows were erased (one unit). Features that keep data outside the database
     * (files' blobs) delete theirs when they hear it; `memberIds` are the accounts it had.
     */
    'site.erased': { siteId: SiteId; memberIds: AgentId[] };
  }
}

/**
 * Creates a site owned by `ownerId`, its first allowed origin the website address, in the caller's
 * unit. The key is the snippet's `data-site` (12 random base64url characters); the identity secret
 * 32 random bytes. Throws a 409 `too_many_sites` past {@link MAX_OWNED_SITES}.
 */
export async function createSite(tx: StoreTx, input: { ownerId: AgentId; name: string; origin: string; now: number }): Promise<AgentSite> {
  if ((await tx.siteLifecycle.ownedCount(input.ownerId)) >= MAX_OWNED_SITES) {
    throw new HttpError(409, 'too_many_sites', `One account may own at most ${MAX_OWNED_SITES} sites.`);
  }
  const site: AgentSite = { id: randomUUID() as SiteId, name: input.name, key: randomBytes(9).toString('base64url'), role: 'owner' };
  await tx.siteLifecycle.create({
    id: site.id,
    key: site.key,
    name: site.name,
    secret: newIdentitySecret(),
    settings: JSON.stringify({ allowedOrigins: [input.origin] }),
    ownerId: input.ownerId,
    now: input.now,
  });
  await tx.facts.record('site.created', { siteId: site.id, ownerId: input.ownerId });
  return site;
}

export const newIdentitySecret = (): string => randomBytes(32).toString('base64url');

/**
 * Whether a typed confirmation names the site: compared trimmed and case-sensitively (it is a
 * deliberate act, not a search).
 */
export const confirmsName = (typed: string, name: string): boolean => typed.trim() === name.trim();

/**
 * Erases the site in the caller's unit and records `site.erased`. Throws 404 when it is gone, 400
 * `confirmation_mismatch` when the typed name is not the site's.
 */
export async function eraseSite(tx: StoreTx, siteId: SiteId, confirmName: string): Promise<{ memberIds: AgentId[] }> {
  const name = await tx.siteLifecycle.nameOf(siteId);
  if (name === null) throw new HttpError(404, 'not_found', 'No such site.');
  if (!confirmsName(confirmName, name)) throw new HttpError(400, 'confirmation_mismatch', 'Type the site’s name exactly to delete it.');
  const erased = await tx.siteLifecycle.erase(siteId);
  if (!erased) throw new HttpError(404, 'not_found', 'No such site.');
  await tx.facts.record('site.erased', { siteId, memberIds: erased.memberIds });
  return erased;
}
