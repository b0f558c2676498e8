import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { pgSchema, type HearthPgDb } from '@hearth/db';
import type { AgentId, ConversationNote } from '@hearth/protocol';
import type { NoteStore } from '../../notes/note.store.ts';

const { conversationNotes, conversations } = pgSchema;

const noteColumns = {
  id: conversationNotes.id,
  conversationId: conversationNotes.conversationId,
  clientId: conversationNotes.clientId,
  authorId: conversationNotes.authorId,
  authorName: conversationNotes.authorName,
  body: conversationNotes.body,
  createdAt: conversationNotes.createdAt,
};

export function pgNoteStore(db: HearthPgDb): NoteStore {
  const byClientId = async (agentId: AgentId, clientId: string) => {
    const [row] = await db
      .select(noteColumns)
      .from(conversationNotes)
      .where(and(eq(conversationNotes.authorId, agentId), eq(conversationNotes.clientId, clientId)));
    return row;
  };
  return {
    async listOf(conversationId) {
      return db.select(noteColumns).from(conversationNotes).where(eq(conversationNotes.conversationId, conversationId)).orderBy(asc(conversationNotes.createdAt));
    },
    async add(input) {
      if (input.siteIds.length === 0) return { ok: false };
      const [conversation] = await db
        .select({ siteId: conversations.siteId })
        .from(conversations)
        .where(and(eq(conversations.id, input.conversationId), inArray(conversations.siteId, [...input.siteIds])));
      if (!conversation) return { ok: false };
      const note: ConversationNote = {
        id: randomUUID(),
        conversationId: input.conversationId,
        clientId: input.clientId,
        authorId: input.agentId,
        authorName: input.agentName,
        body: input.body,
        createdAt: input.now,
      };
      // Insert-or-nothing instead of check-then-insert: a concurrent resend (another node) waits on
      // the unique index and then finds the winner's note, rather than failing the unit.
      const inserted = await db
        .insert(conversationNotes)
        .values({ ...note, siteId: conversation.siteId })
        .onConflictDoNothing({ target: [conversationNotes.authorId, conversationNotes.clientId] })
        .returning({ id: conversationNotes.id });
      if (inserted.length > 0) return { ok: true, note, siteId: conversation.siteId, duplicate: false };
      const existing = await byClientId(input.agentId, input.clientId);
      // The same client id on another conversation is a client bug, not a resend: refuse it.
      if (!existing || existing.conversationId !== input.conversationId) return { ok: false };
      return { ok: true, note: existing, siteId: conversation.siteId, duplicate: true };
    },
  };
}
