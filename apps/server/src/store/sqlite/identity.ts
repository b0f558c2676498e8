import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { schema, type HearthDb } from '@hearth/db';
import type { VisitorId } from '@hearth/protocol';
import type { IdentityStore } from '../../identity/identity.store.ts';

const { visitors } = schema;

export function sqliteIdentityStore(db: HearthDb): IdentityStore {
  return {
    async identifiedVisitor(siteId, user, tokenVisitorId, { now, userAgent }) {
      const profile = {
        lastSeenAt: now,
        userAgent,
        ...(user.name ? { name: user.name } : {}),
        ...(user.email ? { email: user.email } : {}),
      };
      const linked = db
        .select({ id: visitors.id })
        .from(visitors)
        .where(and(eq(visitors.siteId, siteId), eq(visitors.externalId, user.externalId)))
        .get();
      if (linked) {
        db.update(visitors).set(profile).where(eq(visitors.id, linked.id)).run();
        return linked.id;
      }
      if (tokenVisitorId) {
        const adopted = db
          .update(visitors)
          .set({ ...profile, externalId: user.externalId })
          .where(and(eq(visitors.id, tokenVisitorId), eq(visitors.siteId, siteId), isNull(visitors.externalId)))
          .run();
        if (adopted.changes === 1) return tokenVisitorId;
      }
      const id = randomUUID() as VisitorId;
      db.insert(visitors)
        .values({ id, siteId, createdAt: now, externalId: user.externalId, name: user.name, email: user.email, userAgent, lastSeenAt: now })
        .run();
      return id;
    },
  };
}
