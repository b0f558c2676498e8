import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import { schema, type HearthDb } from '@hearth/db';
import type { InvitationStore } from '../../team/invitation.store.ts';

const { invitations, sites } = schema;
const open = () => and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt));

export function sqliteInvitationStore(db: HearthDb): InvitationStore {
  return {
    async pending(siteId, now) {
      return db
        .select({ id: invitations.id, email: invitations.email, role: invitations.role, createdAt: invitations.createdAt, expiresAt: invitations.expiresAt })
        .from(invitations)
        .where(and(eq(invitations.siteId, siteId), open(), gt(invitations.expiresAt, now)))
        .orderBy(asc(invitations.createdAt), asc(invitations.id))
        .all();
    },

    async revokeOpenFor(siteId, email, now) {
      db.update(invitations).set({ revokedAt: now }).where(and(eq(invitations.siteId, siteId), eq(invitations.email, email), open())).run();
    },

    async insert(invitation) {
      db.insert(invitations).values(invitation).run();
    },

    async revoke(siteId, id, now) {
      return db.update(invitations).set({ revokedAt: now }).where(and(eq(invitations.id, id), eq(invitations.siteId, siteId), open())).run().changes === 1;
    },

    async byTokenHash(tokenHash) {
      return (
        db
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
          .where(eq(invitations.tokenHash, tokenHash))
          .get() ?? null
      );
    },

    async markAccepted(id, now) {
      return db.update(invitations).set({ acceptedAt: now }).where(and(eq(invitations.id, id), open())).run().changes === 1;
    },
  };
}
