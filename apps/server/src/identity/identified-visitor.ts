import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { schema, type HearthDb } from '@hearth/db';
import type { SiteId, VisitorId } from '@hearth/protocol';

const { visitors } = schema;

/**
 * The visitor for a verified host user: the one already linked to that id, else the anonymous
 * visitor of this browser (so what they wrote before signing in stays theirs), else a new one.
 * Name and email come from the host page, which vouched for them with the hash.
 */
export function identifiedVisitor(
  db: HearthDb,
  siteId: SiteId,
  identity: { externalId: string; name: string | null; email: string | null },
  tokenVisitorId: VisitorId | null,
  userAgent: string | null,
  now: number,
): VisitorId {
  const profile = {
    lastSeenAt: now,
    userAgent,
    ...(identity.name ? { name: identity.name } : {}),
    ...(identity.email ? { email: identity.email } : {}),
  };
  return db.transaction((tx) => {
    const linked = tx
      .select({ id: visitors.id })
      .from(visitors)
      .where(and(eq(visitors.siteId, siteId), eq(visitors.externalId, identity.externalId)))
      .get();
    if (linked) {
      tx.update(visitors).set(profile).where(eq(visitors.id, linked.id)).run();
      return linked.id;
    }
    if (tokenVisitorId) {
      const adopted = tx
        .update(visitors)
        .set({ ...profile, externalId: identity.externalId })
        .where(and(eq(visitors.id, tokenVisitorId), eq(visitors.siteId, siteId), isNull(visitors.externalId)))
        .run();
      if (adopted.changes === 1) return tokenVisitorId;
    }
    const id = randomUUID() as VisitorId;
    tx.insert(visitors)
      .values({ id, siteId, createdAt: now, externalId: identity.externalId, name: identity.name, email: identity.email, userAgent, lastSeenAt: now })
      .run();
    return id;
  });
}
