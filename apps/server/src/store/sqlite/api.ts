import { and, asc, desc, eq, isNull, lt } from 'drizzle-orm';
import { schema, type HearthDb } from '@hearth/db';
import type { ApiScope, ApiToken } from '@hearth/protocol';
import type { ApiStore } from '../../api/api.store.ts';

const { apiTokens, apiIdempotency, agents, memberships } = schema;

type Row = typeof apiTokens.$inferSelect;

export const parseScopes = (text: string): ApiScope[] => text.split(' ').filter((s): s is ApiScope => s === 'read' || s === 'write');

/** A row (SQLite or PostgreSQL: the same shape) as owners see it. */
export function toApiToken(row: Row): ApiToken {
  return {
    id: row.id,
    name: row.name,
    scopes: parseScopes(row.scopes),
    prefix: row.prefix,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    revokedAt: row.revokedAt,
    lastUsedAt: row.lastUsedAt,
  };
}

export function sqliteApiStore(db: HearthDb): ApiStore {
  return {
    async create(t) {
      const row = db
        .insert(apiTokens)
        .values({ id: t.id, siteId: t.siteId, name: t.name, tokenHash: t.tokenHash, prefix: t.prefix, scopes: t.scopes.join(' '), createdBy: t.createdBy, createdAt: t.now, expiresAt: t.expiresAt })
        .returning()
        .get();
      return toApiToken(row);
    },

    async listOf(siteId) {
      return db.select().from(apiTokens).where(eq(apiTokens.siteId, siteId)).orderBy(desc(apiTokens.createdAt), desc(apiTokens.id)).all().map(toApiToken);
    },

    async revoke(siteId, id, now) {
      return db.update(apiTokens).set({ revokedAt: now }).where(and(eq(apiTokens.id, id), eq(apiTokens.siteId, siteId), isNull(apiTokens.revokedAt))).run().changes === 1;
    },

    async byHash(tokenHash) {
      const row = db.select().from(apiTokens).where(eq(apiTokens.tokenHash, tokenHash)).get();
      return row ? { ...toApiToken(row), siteId: row.siteId } : null;
    },

    async touch(id, now) {
      db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, id)).run();
    },

    async reserveKey(tokenId, key, requestHash, now) {
      const inserted = db.insert(apiIdempotency).values({ tokenId, key, requestHash, statusCode: 0, body: '', createdAt: now }).onConflictDoNothing().run();
      if (inserted.changes === 1) return null;
      const row = db.select().from(apiIdempotency).where(and(eq(apiIdempotency.tokenId, tokenId), eq(apiIdempotency.key, key))).get();
      return row ? { requestHash: row.requestHash, statusCode: row.statusCode, body: row.body } : null;
    },

    async answerKey(tokenId, key, statusCode, body) {
      db.update(apiIdempotency).set({ statusCode, body }).where(and(eq(apiIdempotency.tokenId, tokenId), eq(apiIdempotency.key, key))).run();
    },

    async releaseKey(tokenId, key) {
      db.delete(apiIdempotency).where(and(eq(apiIdempotency.tokenId, tokenId), eq(apiIdempotency.key, key), eq(apiIdempotency.statusCode, 0))).run();
    },

    async trimKeys(before) {
      return db.delete(apiIdempotency).where(lt(apiIdempotency.createdAt, before)).run().changes;
    },

    async agents(siteId) {
      return db
        .select({ id: agents.id, name: agents.name, role: memberships.role, status: agents.status })
        .from(memberships)
        .innerJoin(agents, eq(agents.id, memberships.agentId))
        .where(eq(memberships.siteId, siteId))
        .orderBy(asc(agents.name), asc(agents.id))
        .all();
    },
  };
}
