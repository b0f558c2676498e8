import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { pgSchema, type HearthPgDb } from '@hearth/db';
import type { VisitorId } from '@hearth/protocol';
import type { IdentityStore } from '../../identity/identity.store.ts';

const { visitors } = pgSchema;

export function pgIdentityStore(db: HearthPgDb): IdentityStore {
  return {
    // Check-then-write on the (site, external id) unique index: two first identifies of one user
    // on two nodes both find nothing linked; the second to write gets a unique violation, its unit
    // re-runs (pg-store.ts) and finds the first one's visitor.
    async identifiedVisitor(siteId, user, tokenVisitorId, { now, userAgent }) {
      const profile = {
        lastSeenAt: now,
        userAgent,
        ...(user.name ? { name: user.name } : {}),
        ...(user.email ? { email: user.email } : {}),
      };
      const [linked] = await db
        .select({ id: visitors.id })
        .from(visitors)
        .where(and(eq(visitors.siteId, siteId), eq(visitors.externalId, user.externalId)));
      if (linked) {
        await db.update(visitors).set(profile).where(eq(visitors.id, linked.id));
        return linked.id;
      }
      if (tokenVisitorId) {
        const adopted = await db
          .update(visitors)
          .set({ ...profile, externalId: user.externalId })
          .where(and(eq(visitors.id, tokenVisitorId), eq(visitors.siteId, siteId), isNull(visitors.externalId)))
          .returning({ id: visitors.id });
        if (adopted.length === 1) return tokenVisitorId;
      }
      const id = randomUUID() as VisitorId;
      await db.insert(visitors).values({ id, siteId, createdAt: now, externalId: user.externalId, name: user.name, email: user.email, userAgent, lastSeenAt: now });
      return id;
    },
  };
}
