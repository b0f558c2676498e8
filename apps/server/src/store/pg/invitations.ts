import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import { pgSchema, type HearthPgDb } from '@hearth/db';
import type { InvitationStore } from '../../team/invitation.store.ts';

const { invitations, sites } = pgSchema;
const open = () => and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt));

export function pgInvitationStore(db: HearthPgDb): InvitationStore {
  return {
    async pending(siteId, now) {
      return db
        .select({ id: invitations.id, email: invitations.email, role: invitations.role, createdAt: invitations.createdAt, expiresAt: invitations.expiresAt })
        .from(invitations)
        .where(and(eq(invitations.siteId, siteId), open(), gt(invitations.expiresAt, now)))
        .orderBy(asc(invitations.createdAt), asc(invitations.id));
    },

    async revokeOpenFor(siteId, email, now) {
      await db.update(invitations).set({ revokedAt: now }).where(and(eq(invitations.siteId, siteId), eq(invitations.email, email), open()));
    },

    async insert(invitation) {
      await db.insert(invitations).values(invitation);
    },

    async revoke(siteId, id, now) {
      const revoked = await db
        .update(invitations)
        .set({ revokedAt: now })
        .where(and(eq(invitations.id, id), eq(invitations.siteId, siteId), open()))
        .returning({ id: invitations.id });
      return revoked.length === 1;
    },

    async byTokenHash(tokenHash) {
      const [row] = await db
        .select({
          id: invitations.id,
          siteId: invitations.siteId,
          siteName: sites.name,
          email: invitations.email,
          role: invitations.role,
          expiresAt: invitations.expiresAt,
          acceptedAt: invitations.acceptedAt,
          revokedAt: invitations.revokedAt,
        })
        .from(invitations)
        .innerJoin(sites, eq(sites.id, invitations.siteId))
        .where(eq(invitations.tokenHash, tokenHash));
      return row ?? null;
    },

    // A conditional UPDATE: of two acceptances at once, the second waits for the first's row lock,
    // re-checks `open()` and changes nothing (false), so an invitation is used once.
    async markAccepted(id, now) {
      const accepted = await db.update(invitations).set({ acceptedAt: now }).where(and(eq(invitations.id, id), open())).returning({ id: invitations.id });
      return accepted.length === 1;
    },
  };
}
