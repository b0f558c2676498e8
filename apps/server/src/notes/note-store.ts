import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { schema, type HearthDb } from '@hearth/db';
import type { AgentId, ConversationId, ConversationNote, SiteId } from '@hearth/protocol';
import type { AgentSend } from '../conversations/send-message.ts';

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

/** Oldest first; only ever read on the agent namespace. */
export function notesOf(db: HearthDb, conversationId: ConversationId): ConversationNote[] {
  return db.select(noteColumns).from(conversationNotes).where(eq(conversationNotes.conversationId, conversationId)).orderBy(asc(conversationNotes.createdAt)).all();
}

/** A note has a reply's input: who writes, in which of their sites' conversations, what, and a client id. */
export type AddNote = AgentSend;

export type AddNoteResult = { ok: true; note: ConversationNote; siteId: SiteId; duplicate: boolean } | { ok: false };

/**
 * Stores an internal note on a conversation of one of the agent's sites. A resend with the same
 * clientId returns the stored note (an ack lost on a flaky link must not double the note).
 */
export function addNote(db: HearthDb, input: AddNote): AddNoteResult {
  if (input.siteIds.length === 0) return { ok: false };
  return db.transaction((tx) => {
    const conversation = tx
      .select({ siteId: conversations.siteId })
      .from(conversations)
      .where(and(eq(conversations.id, input.conversationId), inArray(conversations.siteId, [...input.siteIds])))
      .get();
    if (!conversation) return { ok: false } as const;
    const existing = tx
      .select(noteColumns)
      .from(conversationNotes)
      .where(and(eq(conversationNotes.authorId, input.agentId), eq(conversationNotes.clientId, input.clientId)))
      .get();
    if (existing) {
      // The same client id on another conversation is a client bug, not a resend: refuse it.
      return existing.conversationId === input.conversationId ? ({ ok: true, note: existing, siteId: conversation.siteId, duplicate: true } as const) : ({ ok: false } as const);
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
    tx.insert(conversationNotes).values({ ...note, siteId: conversation.siteId }).run();
    return { ok: true, note, siteId: conversation.siteId, duplicate: false } as const;
  });
}
