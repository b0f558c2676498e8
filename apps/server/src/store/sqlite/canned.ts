import { and, asc, eq, inArray, isNull, ne, or } from 'drizzle-orm';
import { schema, type HearthDb } from '@hearth/db';
import type { CannedRow, CannedStore } from '../../canned/canned.store.ts';

const { cannedReplies } = schema;

export function sqliteCannedStore(db: HearthDb): CannedStore {
  /** Another reply of the same scope already has this shortcut. */
  const taken = (row: CannedRow) =>
    db
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
      .get() !== undefined;
  return {
    async list(siteIds, agentId) {
      if (siteIds.length === 0) return [];
      return db
        .select()
        .from(cannedReplies)
        .where(and(inArray(cannedReplies.siteId, [...siteIds]), or(isNull(cannedReplies.agentId), eq(cannedReplies.agentId, agentId))))
        .orderBy(asc(cannedReplies.shortcut), asc(cannedReplies.id))
        .all();
    },

    async get(siteId, id) {
      return db.select().from(cannedReplies).where(and(eq(cannedReplies.id, id), eq(cannedReplies.siteId, siteId))).get() ?? null;
    },

    async insert(row) {
      if (taken(row)) return 'conflict';
      db.insert(cannedReplies).values(row).run();
      return 'ok';
    },

    async update(row) {
      if (taken(row)) return 'conflict';
      db.update(cannedReplies)
        .set({ title: row.title, shortcut: row.shortcut, text: row.text, updatedAt: row.updatedAt })
        .where(and(eq(cannedReplies.id, row.id), eq(cannedReplies.siteId, row.siteId)))
        .run();
      return 'ok';
    },

    async delete(siteId, id) {
      db.delete(cannedReplies).where(and(eq(cannedReplies.id, id), eq(cannedReplies.siteId, siteId))).run();
    },
  };
}
