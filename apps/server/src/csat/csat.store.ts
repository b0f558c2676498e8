import type { AgentId, ConversationId, CsatRating, SiteId, VisitorId } from '@hearth/protocol';

/** What rating a conversation depends on. */
export interface RatableConversation {
  id: ConversationId;
  status: 'open' | 'closed';
  /** Epoch ms; null while open. */
  closedAt: number | null;
  /** The agent assigned (at close, for a closed one): the rating is credited to them. */
  agentId: AgentId | null;
}

export interface SaveRating {
  conversationId: ConversationId;
  siteId: SiteId;
  visitorId: VisitorId;
  agentId: AgentId | null;
  /** 1..5. */
  score: number;
  /** 1..5, or null when the site does not ask for effort. */
  ces: number | null;
  comment: string | null;
  /** Epoch ms. */
  now: number;
}

/** Visitors' CSAT (and CES) ratings of closed conversations: one rating per conversation. */
export interface CsatStore {
  /** The conversation's rating, or null. */
  rating(conversationId: ConversationId): Promise<CsatRating | null>;
  /** Whether any agent wrote in the conversation. */
  hasAgentReply(conversationId: ConversationId): Promise<boolean>;
  /**
   * The conversation `conversationId` if it is this visitor's on this site (so nobody else can
   * rate on a visitor's behalf), else null.
   */
  visitorConversation(siteId: SiteId, visitorId: VisitorId, conversationId: ConversationId): Promise<RatableConversation | null>;
  /**
   * Stores or replaces the rating (upsert on the conversation, keeping the first `createdAt`) and
   * records the conversation's `csat.rated` event `{ score, ces, agentId }`, in the caller's unit.
   * No lock: two concurrent ratings of one conversation both commit and the later one stays.
   */
  saveRating(rating: SaveRating): Promise<void>;
}

declare module '../store/store.ts' {
  interface StoreTx {
    csat: CsatStore;
  }
}

declare module '../store/facts.ts' {
  interface Facts {
    /** A visitor rated a closed conversation (or changed their rating): score 1..5, effort when asked. */
    'csat.rated': {
      conversationId: ConversationId;
      siteId: SiteId;
      visitorId: VisitorId;
      agentId: AgentId | null;
      score: number;
      ces: number | null;
      comment: string | null;
      /** Epoch ms. */
      now: number;
    };
  }
}
