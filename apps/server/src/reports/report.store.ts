import type { Report, SiteId } from '@hearth/protocol';

/** The conversations of `siteIds` started in [from, to) (epoch ms). */
export interface ReportScope {
  siteIds: readonly SiteId[];
  from: number;
  to: number;
}

/** The groupings of a report: `overall` has the one key 'all'; for the others '' means none. */
export type Dimension = 'overall' | 'agent' | 'trigger' | 'page';

/**
 * Conversation figures of one group `k` of dimension `dim`. Group keys: the assigned agent's id
 * (at close, for closed ones), the `triggerName` of the conversation's `conversation.started`
 * event, and the URL of the visitor's last page view at or before the conversation started.
 * Times are ms; see the README's "Reports: what each figure means" for each definition.
 */
export interface ConversationMetricsRow {
  dim: Dimension;
  k: string;
  conversations: number;
  /** Nearest-rank median and 90th percentile of first response times (null: no reply yet). */
  frtMedian: number | null;
  frtP90: number | null;
  avgResponse: number | null;
  avgResolution: number | null;
  /** Closed with an agent reply / of those, never reopened and answered by one agent. */
  fcrEligible: number;
  fcrResolved: number;
  /** Closed with visitor messages and no agent reply. */
  missed: number;
}

/** Ratings of the conversations in scope; per agent by the agent the rating was credited to. */
export interface RatingMetricsRow {
  dim: Dimension;
  k: string;
  ratings: number;
  /** Ratings of 4 or 5. */
  satisfied: number;
  s1: number;
  s2: number;
  s3: number;
  s4: number;
  s5: number;
  cesAverage: number | null;
}

/**
 * The reports' figures, computed by the database in one pass per query (reports/report-build.ts
 * assembles them). Read-only; no locks. Days and hours are UTC.
 */
export interface ReportStore {
  conversationMetrics(scope: ReportScope): Promise<ConversationMetricsRow[]>;
  ratingMetrics(scope: ReportScope): Promise<RatingMetricsRow[]>;
  /** Conversations per UTC day ('YYYY-MM-DD'), days with none left out, in day order. */
  volumeByDay(scope: ReportScope): Promise<Report['volumeByDay']>;
  /** Conversations per UTC weekday (0 = Sunday) and hour, empty slots left out, in order. */
  volumeByHourOfWeek(scope: ReportScope): Promise<Report['volumeByHourOfWeek']>;
}

declare module '../store/store.ts' {
  interface StoreTx {
    reports: ReportStore;
  }
}
