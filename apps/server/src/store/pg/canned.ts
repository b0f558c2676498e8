import { and, asc, eq, inArray, isNull, ne, or } from 'drizzle-orm';
import { pgSchema, type HearthPgDb } from '@hearth/db';
import type { CannedRow, CannedStore } from '../../canned/canned.store.ts';

const { cannedReplies } = pgSchema;

export function pgCannedStore(db: HearthPgDb): CannedStore {
  /**
   * Another reply of the same scope already has this shortcut. No lock: a concurrent insert of the
   * same shortcut fails on the partial unique index, and the re-run unit sees it here.
   */
  const taken = async (row: CannedRow) => {
    const [other] = await db
      .select({ id: cannedReplies.id })
      .from(cannedReplies)
      .where(
        and(
          eq(cannedReplies.siteId, row.siteId),
          eq(cannedReplies.shortcut, row.shortcut),
          row.agentId === null ? isNull(cannedReplies.agentId) : eq(cannedReplies.agentId, row.agentId),
          ne(cannedReplies.id, row.id),
        ),
      )
      .limit(1);
    return other !== undefined;
  };
  return {
    async list(siteIds, agentId) {
      if (siteIds.length === 0) return [];
      return db
        .select()
        .from(cannedReplies)
        .where(and(inArray(cannedReplies.siteId, [...siteIds]), or(isNull(cannedReplies.agentId), eq(cannedReplies.agentId, agentId))))
        .orderBy(asc(cannedReplies.shortcut), asc(cannedReplies.id));
    },

    async get(siteId, id) {
      const [row] = await db.select().from(cannedReplies).where(and(eq(cannedReplies.id, id), eq(cannedReplies.siteId, siteId)));
      return row ?? null;
    },

    async insert(row) {
      if (await taken(row)) return 'conflict';
      await db.insert(cannedReplies).values(row);
      return 'ok';
    },

    async update(row) {
      if (await taken(row)) return 'conflict';
      await db
        .update(cannedReplies)
        .set({ title: row.title, shortcut: row.shortcut, text: row.text, updatedAt: row.updatedAt })
        .where(and(eq(cannedReplies.id, row.id), eq(cannedReplies.siteId, row.siteId)));
      return 'ok';
    },

    async delete(siteId, id) {
      await db.delete(cannedReplies).where(and(eq(cannedReplies.id, id), eq(cannedReplies.siteId, siteId)));
    },
  };
}
