import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { schema, type HearthDb } from '@hearth/db';
import type { ConversationNote } from '@hearth/protocol';
import type { NoteStore } from '../../notes/note.store.ts';

const { conversationNotes, conversations } = schema;

const noteColumns = {
  id: conversationNotes.id,
  conversationId: conversationNotes.conversationId,
  clientId: conversationNotes.clientId,
  authorId: conversationNotes.authorId,
  authorName: conversationNotes.authorName,
  body: conversationNotes.body,
  createdAt: conversationNotes.createdAt,
};

export function sqliteNoteStore(db: HearthDb): NoteStore {
  return {
    async listOf(conversationId) {
      return db.select(noteColumns).from(conversationNotes).where(eq(conversationNotes.conversationId, conversationId)).orderBy(asc(conversationNotes.createdAt)).all();
    },

    async add(input) {
      if (input.siteIds.length === 0) return { ok: false };
      const conversation = db
        .select({ siteId: conversations.siteId })
        .from(conversations)
        .where(and(eq(conversations.id, input.conversationId), inArray(conversations.siteId, [...input.siteIds])))
        .get();
      if (!conversation) return { ok: false };
      const existing = db
        .select(noteColumns)
        .from(conversationNotes)
        .where(and(eq(conversationNotes.authorId, input.agentId), eq(conversationNotes.clientId, input.clientId)))
        .get();
      if (existing) {
        // The same client id on another conversation is a client bug, not a resend: refuse it.
        return existing.conversationId === input.conversationId ? { ok: true, note: existing, siteId: conversation.siteId, duplicate: true } : { ok: false };
      }
      const note: ConversationNote = {
        id: randomUUID(),
        conversationId: input.conversationId,
        clientId: input.clientId,
        authorId: input.agentId,
        authorName: input.agentName,
        body: input.body,
        createdAt: input.now,
      };
      db.insert(conversationNotes).values({ ...note, siteId: conversation.siteId }).run();
      return { ok: true, note, siteId: conversation.siteId, duplicate: false };
    },
  };
}
