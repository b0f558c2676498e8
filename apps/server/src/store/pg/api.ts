import { and, asc, desc, eq, isNull, lt } from 'drizzle-orm';
import { pgSchema, type HearthPgDb } from '@hearth/db';
import type { ApiStore } from '../../api/api.store.ts';
import { toApiToken } from '../sqlite/api.ts';

const { apiTokens, apiIdempotency, agents, memberships } = pgSchema;

/**
 * API tokens on PostgreSQL. `reserveKey` is INSERT … ON CONFLICT DO NOTHING: a concurrent call
 * with the same key waits on the first one's row and then sees it (running or answered).
 */
export function pgApiStore(db: HearthPgDb): ApiStore {
  return {
    async create(t) {
      const [row] = await db
        .insert(apiTokens)
        .values({ id: t.id, siteId: t.siteId, name: t.name, tokenHash: t.tokenHash, prefix: t.prefix, scopes: t.scopes.join(' '), createdBy: t.createdBy, createdAt: t.now, expiresAt: t.expiresAt })
        .returning();
      return toApiToken(row!);
    },

    async listOf(siteId) {
      const rows = await db.select().from(apiTokens).where(eq(apiTokens.siteId, siteId)).orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
      return rows.map(toApiToken);
    },

    async revoke(siteId, id, now) {
      const done = await db
        .update(apiTokens)
        .set({ revokedAt: now })
        .where(and(eq(apiTokens.id, id), eq(apiTokens.siteId, siteId), isNull(apiTokens.revokedAt)))
        .returning({ id: apiTokens.id });
      return done.length === 1;
    },

    async byHash(tokenHash) {
      const [row] = await db.select().from(apiTokens).where(eq(apiTokens.tokenHash, tokenHash));
      return row ? { ...toApiToken(row), siteId: row.siteId } : null;
    },

    async touch(id, now) {
      await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, id));
    },

    async reserveKey(tokenId, key, requestHash, now) {
      const inserted = await db
        .insert(apiIdempotency)
        .values({ tokenId, key, requestHash, statusCode: 0, body: '', createdAt: now })
        .onConflictDoNothing()
        .returning({ key: apiIdempotency.key });
      if (inserted.length === 1) return null;
      const [row] = await db.select().from(apiIdempotency).where(and(eq(apiIdempotency.tokenId, tokenId), eq(apiIdempotency.key, key)));
      return row ? { requestHash: row.requestHash, statusCode: row.statusCode, body: row.body } : null;
    },

    async answerKey(tokenId, key, statusCode, body) {
      await db.update(apiIdempotency).set({ statusCode, body }).where(and(eq(apiIdempotency.tokenId, tokenId), eq(apiIdempotency.key, key)));
    },

    async releaseKey(tokenId, key) {
      await db.delete(apiIdempotency).where(and(eq(apiIdempotency.tokenId, tokenId), eq(apiIdempotency.key, key), eq(apiIdempotency.statusCode, 0)));
    },

    async trimKeys(before) {
      const gone = await db.delete(apiIdempotency).where(lt(apiIdempotency.createdAt, before)).returning({ key: apiIdempotency.key });
      return gone.length;
    },

    async agents(siteId) {
      return db
        .select({ id: agents.id, name: agents.name, role: memberships.role, status: agents.status })
        .from(memberships)
        .innerJoin(agents, eq(agents.id, memberships.agentId))
        .where(eq(memberships.siteId, siteId))
        .orderBy(asc(agents.name), asc(agents.id));
    },
  };
}
