import type { AgentId, SiteId, VisitorId } from '@hearth/protocol';

/**
 * Everything Hearth holds about one visitor (a data-subject access request): the stored rows as
 * they are, each table's columns by their schema property names.
 */
export interface VisitorExport {
  visitor: Record<string, unknown> | null;
  conversations: Array<Record<string, unknown>>;
  /** By conversation, then seq. */
  messages: Array<Record<string, unknown>>;
  events: Array<Record<string, unknown>>;
  pageViews: Array<Record<string, unknown>>;
}

/** A visitor's data on request: who may ask, export, erase. */
export interface DataCareStore {
  /** The visitor's site if `agentId` owns it; null for agents, other sites' owners and unknown ids alike. */
  siteOwnedBy(agentId: AgentId, visitorId: VisitorId): Promise<SiteId | null>;
  exportVisitor(visitorId: VisitorId): Promise<VisitorExport>;
  /**
   * Erases a visitor and everything about them, inside the caller's unit, so an erase is all or
   * nothing. Deletes are explicit, child rows first, rather than trusting cascades: a table another
   * feature adds must be listed in each adapter too (the erase test scans every table for leftovers,
   * so a forgotten one fails it). Returns what was removed.
   * PostgreSQL: locks the visitor row `FOR UPDATE` before listing its conversations, so a
   * concurrent first message (its conversation insert takes KEY SHARE on the visitor) waits for the
   * erase and then fails on the missing visitor instead of leaving a conversation behind.
   */
  eraseVisitor(visitorId: VisitorId): Promise<{ messages: number; conversations: number }>;
}

declare module '../store/store.ts' {
  interface StoreTx {
    dataCare: DataCareStore;
  }
}
