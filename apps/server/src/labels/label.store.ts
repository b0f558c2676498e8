import type { ConversationId, ConversationSummary, Label, LabelInput, SiteId } from '@hearth/protocol';

/** A label as a conversation summary carries it. */
export type LabelRef = NonNullable<ConversationSummary['labels']>[number];

/** What putting a label on (or off) a conversation did. */
export type LabelChange = 'changed' | 'unchanged' | 'not_found';

/** Per-site labels and the labels on conversations. */
export interface LabelStore {
  /** Labels of `siteIds`, by name. */
  list(siteIds: readonly SiteId[]): Promise<Label[]>;
  /** A new label; null when the site has one with that name already (unique per site, ON CONFLICT DO NOTHING). */
  create(siteId: SiteId, input: LabelInput, now: number): Promise<Label | null>;
  /** Deletes a label of the site (and it comes off every conversation); false when there is none. */
  delete(siteId: SiteId, labelId: string): Promise<boolean>;
  /** Labels of each conversation, by name, in one query for a whole inbox (at most 500 ids). */
  labelsOf(conversationIds: readonly ConversationId[]): Promise<Map<ConversationId, LabelRef[]>>;
  /**
   * Puts a label on (or takes it off) a conversation of one of `siteIds`, in the caller's unit. The
   * label must belong to the conversation's own site: a label id from another site is
   * 'not_found', like a stranger's id. A change bumps the conversation's `updatedAt` to `now` (the
   * inbox orders by it). Idempotent: the (conversation, label) key makes a repeat 'unchanged'.
   */
  setOnConversation(siteIds: readonly SiteId[], conversationId: ConversationId, labelId: string, on: boolean, now: number): Promise<LabelChange>;
}

declare module '../store/store.ts' {
  interface StoreTx {
    labels: LabelStore;
  }
}
