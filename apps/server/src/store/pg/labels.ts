import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { pgSchema, type HearthPgDb } from '@hearth/db';
import type { ConversationId } from '@hearth/protocol';
import type { LabelRef, LabelStore } from '../../labels/label.store.ts';

const { conversationLabels, conversations, labels } = pgSchema;

export function pgLabelStore(db: HearthPgDb): LabelStore {
  return {
    async list(siteIds) {
      if (siteIds.length === 0) return [];
      return db
        .select({ id: labels.id, siteId: labels.siteId, name: labels.name, color: labels.color })
        .from(labels)
        .where(inArray(labels.siteId, [...siteIds]))
        .orderBy(asc(labels.name));
    },

    async create(siteId, input, now) {
      const label = { id: randomUUID(), siteId, name: input.name, color: input.color };
      const inserted = await db
        .insert(labels)
        .values({ ...label, createdAt: now })
        .onConflictDoNothing()
        .returning({ id: labels.id });
      return inserted.length === 1 ? label : null;
    },

    async delete(siteId, labelId) {
      const deleted = await db.delete(labels).where(and(eq(labels.id, labelId), eq(labels.siteId, siteId))).returning({ id: labels.id });
      return deleted.length === 1;
    },

    async labelsOf(ids) {
      const byConversation = new Map<ConversationId, LabelRef[]>();
      if (ids.length === 0) return byConversation;
      const rows = await db
        .select({ conversationId: conversationLabels.conversationId, id: labels.id, name: labels.name, color: labels.color })
        .from(conversationLabels)
        .innerJoin(labels, eq(labels.id, conversationLabels.labelId))
        .where(inArray(conversationLabels.conversationId, [...ids]))
        .orderBy(asc(labels.name));
      for (const { conversationId, ...label } of rows) {
        const list = byConversation.get(conversationId) ?? [];
        list.push(label);
        byConversation.set(conversationId, list);
      }
      return byConversation;
    },

    // Insert-or-nothing and delete are single statements on the (conversation, label) key, so two
    // agents labelling at once give one 'changed' and one 'unchanged', never an error.
    async setOnConversation(siteIds, conversationId, labelId, on, now) {
      if (siteIds.length === 0) return 'not_found';
      const [match] = await db
        .select({ id: labels.id })
        .from(conversations)
        .innerJoin(labels, and(eq(labels.siteId, conversations.siteId), eq(labels.id, labelId)))
        .where(and(eq(conversations.id, conversationId), inArray(conversations.siteId, [...siteIds])));
      if (!match) return 'not_found';
      const changed = on
        ? await db.insert(conversationLabels).values({ conversationId, labelId, createdAt: now }).onConflictDoNothing().returning({ id: conversationLabels.labelId })
        : await db
            .delete(conversationLabels)
            .where(and(eq(conversationLabels.conversationId, conversationId), eq(conversationLabels.labelId, labelId)))
            .returning({ id: conversationLabels.labelId });
      if (changed.length === 0) return 'unchanged';
      await db.update(conversations).set({ updatedAt: now }).where(eq(conversations.id, conversationId));
      return 'changed';
    },
  };
}
