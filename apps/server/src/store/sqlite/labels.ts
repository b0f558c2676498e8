import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { schema, type HearthDb } from '@hearth/db';
import type { ConversationId, Label, LabelInput, SiteId } from '@hearth/protocol';
import type { LabelChange, LabelRef, LabelStore } from '../../labels/label.store.ts';

const { conversationLabels, conversations, labels } = schema;

export function sqliteLabelStore(db: HearthDb): LabelStore {
  return {
    list: async (siteIds) => listLabels(db, siteIds),
    create: async (siteId, input, now) => createLabel(db, siteId, input, now),
    delete: async (siteId, labelId) => deleteLabel(db, siteId, labelId),
    labelsOf: async (ids) => labelsOf(db, ids),
    setOnConversation: async (siteIds, conversationId, labelId, on, now) => setConversationLabel(db, siteIds, conversationId, labelId, on, now),
  };
}

function listLabels(db: HearthDb, siteIds: readonly SiteId[]): Label[] {
  if (siteIds.length === 0) return [];
  return db
    .select({ id: labels.id, siteId: labels.siteId, name: labels.name, color: labels.color })
    .from(labels)
    .where(inArray(labels.siteId, [...siteIds]))
    .orderBy(asc(labels.name))
    .all();
}

function createLabel(db: HearthDb, siteId: SiteId, input: LabelInput, now: number): Label | null {
  const label = { id: randomUUID(), siteId, name: input.name, color: input.color };
  const inserted = db
    .insert(labels)
    .values({ ...label, createdAt: now })
    .onConflictDoNothing()
    .run();
  return inserted.changes === 1 ? label : null;
}

function deleteLabel(db: HearthDb, siteId: SiteId, labelId: string): boolean {
  return db.delete(labels).where(and(eq(labels.id, labelId), eq(labels.siteId, siteId))).run().changes === 1;
}

/** Also called synchronously by code not yet behind the seam (conversations/conversation-queries.ts). */
export function labelsOf(db: HearthDb, ids: readonly ConversationId[]): Map<ConversationId, LabelRef[]> {
  const byConversation = new Map<ConversationId, LabelRef[]>();
  if (ids.length === 0) return byConversation;
  // SQLite caps bound parameters; an inbox holds at most 500 rows, well under it.
  const rows = db
    .select({ conversationId: conversationLabels.conversationId, id: labels.id, name: labels.name, color: labels.color })
    .from(conversationLabels)
    .innerJoin(labels, eq(labels.id, conversationLabels.labelId))
    .where(inArray(conversationLabels.conversationId, [...ids]))
    .orderBy(asc(labels.name))
    .all();
  for (const { conversationId, ...label } of rows) {
    const list = byConversation.get(conversationId) ?? [];
    list.push(label);
    byConversation.set(conversationId, list);
  }
  return byConversation;
}

/** Inside the unit's savepoint already: no nested transaction of its own. */
function setConversationLabel(
  db: HearthDb,
  siteIds: readonly SiteId[],
  conversationId: ConversationId,
  labelId: string,
  on: boolean,
  now: number,
): LabelChange {
  if (siteIds.length === 0) return 'not_found';
  const match = db
    .select({ id: labels.id })
    .from(conversations)
    .innerJoin(labels, and(eq(labels.siteId, conversations.siteId), eq(labels.id, labelId)))
    .where(and(eq(conversations.id, conversationId), inArray(conversations.siteId, [...siteIds])))
    .get();
  if (!match) return 'not_found';
  const result = on
    ? db.insert(conversationLabels).values({ conversationId, labelId, createdAt: now }).onConflictDoNothing().run()
    : db
        .delete(conversationLabels)
        .where(and(eq(conversationLabels.conversationId, conversationId), eq(conversationLabels.labelId, labelId)))
        .run();
  if (result.changes === 0) return 'unchanged';
  // An inbox orders and refreshes by updatedAt: a label change is a change of the conversation.
  db.update(conversations).set({ updatedAt: now }).where(eq(conversations.id, conversationId)).run();
  return 'changed';
}
