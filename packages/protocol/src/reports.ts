import { z } from 'zod';
import { SiteIdSchema } from './ids.ts';

/** GET /api/reports — owners only; `from`/`to` are epoch ms (conversations started in [from, to)). */
export const ReportQuerySchema = z.strictObject({
  siteId: SiteIdSchema.optional(),
  from: z.coerce.number().int().min(0).max(8.64e15),
  to: z.coerce.number().int().min(0).max(8.64e15),
  format: z.enum(['json', 'csv']).default('json'),
});
export type ReportQuery = z.input<typeof ReportQuerySchema>;

/** The figures of one group of conversations; exact definitions are in the README ("Reports"). */
export interface ReportMetrics {
  conversations: number;
  firstResponseMedianMs: number | null;
  firstResponseP90Ms: number | null;
  avgResponseMs: number | null;
  avgResolutionMs: number | null;
  /** 0..1, or null when no conversation qualifies. */
  firstContactResolutionRate: number | null;
  missed: number;
  ratings: number;
  /** Share of ratings scoring 4 or 5, 0..1. */
  csatScore: number | null;
  /** Count of ratings scoring 1, 2, 3, 4, 5. */
  csatDistribution: [number, number, number, number, number];
  cesAverage: number | null;
}

export interface ReportGroup extends ReportMetrics {
  key: string;
  label: string;
}

export interface Report {
  from: number;
  to: number;
  overall: ReportMetrics;
  byAgent: ReportGroup[];
  byTrigger: ReportGroup[];
  byPage: ReportGroup[];
  /** UTC days with at least one conversation, e.g. { day: '2026-11-20', count: 3 }. */
  volumeByDay: Array<{ day: string; count: number }>;
  /** UTC weekday (0 = Sunday) and hour with at least one conversation. */
  volumeByHourOfWeek: Array<{ weekday: number; hour: number; count: number }>;
}
