import type { SignalBatchSchema, SiteId, ConversationId, TriggerRule, TriggerRuleFields, TriggerRuleInput } from '@hearth/protocol';
import type { z } from 'zod';

/** Raw per-trigger counts; `trigger-stats.ts` turns them into the console's figures. */
export interface TriggerCounts {
  /** Prompts shown and engaged, per trigger id (from the loader's beacons). */
  prompts: Array<{ id: string; shown: number; engaged: number }>;
  /** Conversations whose `conversation.started` event names the trigger. */
  conversations: Array<{ id: string; n: number }>;
  /**
   * Purchases in a visit at or after the trigger was shown in that visit: each purchase once per
   * trigger however often it showed; `value` is their sum (0 when none has a value).
   */
  conversions: Array<{ id: string; n: number; value: number }>;
}

/** Proactive triggers (one JSON rule per row, see trigger-rows.ts) and the loader's signals. */
export interface TriggerStore {
  /** The site's readable rules, oldest first (ids are time-ordered). */
  list(siteId: SiteId): Promise<TriggerRule[]>;
  /** One rule of the site; null when unknown, another site's, or unreadable. */
  get(siteId: SiteId, id: string): Promise<TriggerRule | null>;
  /** Stores a new rule (parsed with TriggerRuleInputSchema, so defaults are filled) with a fresh id. */
  create(siteId: SiteId, input: TriggerRuleFields | TriggerRuleInput, now: number): Promise<TriggerRule>;
  /** Replaces a rule's fields; null when the site has no such trigger. */
  update(siteId: SiteId, id: string, fields: TriggerRuleFields, now: number): Promise<TriggerRule | null>;
  delete(siteId: SiteId, id: string): Promise<boolean>;
  /** Ids of every trigger of the site (readable or not). */
  ids(siteId: SiteId): Promise<string[]>;
  /** Stores one beacon's events as received at `now`. The caller has checked their trigger ids. */
  recordSignals(siteId: SiteId, batch: z.output<typeof SignalBatchSchema>, now: number): Promise<void>;
  /** Triggers whose prompt was shown in the visit at or before `at` (a purchase then converts them), distinct. */
  shownInVisit(siteId: SiteId, visitId: string, at: number): Promise<string[]>;
  /** The figures behind the console's per-trigger stats, for one site. */
  counts(siteId: SiteId): Promise<TriggerCounts>;
  /**
   * The data of the conversation's first `conversation.started` event (parsed JSON, unvalidated:
   * the caller checks it with TriggerStartSchema), or null.
   */
  startedData(conversationId: ConversationId): Promise<unknown>;
}

declare module '../store/store.ts' {
  interface StoreTx {
    triggers: TriggerStore;
  }
}
