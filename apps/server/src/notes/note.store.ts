import type { AgentId, ConversationId, ConversationNote, SiteId } from '@hearth/protocol';

/** A note has a reply's input: who writes, in which of their sites' conversations, what, and a client id. */
export interface AddNote {
  agentId: AgentId;
  agentName: string;
  /** The sites the agent belongs to: the conversation must be in one of them. */
  siteIds: readonly SiteId[];
  conversationId: ConversationId;
  clientId: string;
  body: string;
  /** Epoch ms. */
  now: number;
}

export type AddNoteResult = { ok: true; note: ConversationNote; siteId: SiteId; duplicate: boolean } | { ok: false };

/** Internal notes: their own table, so no visitor path (sync, transcript, search) can read them. */
export interface NoteStore {
  /**
   * Stores a note on a conversation of one of the agent's sites. A resend with the same clientId
   * returns the stored note (`duplicate: true`); the same clientId on another conversation, or a
   * conversation outside `siteIds`, is `{ ok: false }`. Writes one row; idempotent by
   * (author, clientId) under a unique index, so a concurrent resend cannot double it.
   */
  add(input: AddNote): Promise<AddNoteResult>;
  /** The conversation's notes, oldest first. Callers scope the conversation to the agent's sites. */
  listOf(conversationId: ConversationId): Promise<ConversationNote[]>;
}

declare module '../store/store.ts' {
  interface StoreTx {
    notes: NoteStore;
  }
}
