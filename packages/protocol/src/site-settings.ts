import { z } from 'zod';

/**
 * Per-site settings, stored as one JSON document on the site (sites.settings) and parsed with this
 * schema on every read, so a missing key always means its default and a new setting needs no
 * migration. Each feature owns its keys; add yours with a `.default(...)`.
 *
 * @example SiteSettingsSchema.parse({}) // every default
 */
const questionText = (fallback: string) => z.string().trim().min(1).max(300).default(fallback);

export const SiteSettingsSchema = z.object({
  // --- closing and CSAT (issue 5) ---
  /** An open conversation with no message for this long is closed by the server. */
  inactivityTimeoutMinutes: z.number().int().min(1).max(7 * 24 * 60).default(60),
  /** A visitor writing within this long after a close reopens the conversation; later starts a new one. */
  reopenWindowMinutes: z.number().int().min(0).max(7 * 24 * 60).default(10),
  /** How long after their first rating a visitor may change it. */
  csatChangeWindowHours: z.number().int().min(0).max(24 * 30).default(24),
  csatQuestion: questionText('How would you rate the support you received?'),
  csatCommentPrompt: questionText('What is the main reason for your score?'),
  csatThanks: questionText('Thank you for your feedback!'),
  /** Customer Effort Score: a second 1–5 question, off by default. */
  cesEnabled: z.boolean().default(false),
  cesQuestion: questionText('How easy was it to get the help you needed?'),
});

export type SiteSettings = z.infer<typeof SiteSettingsSchema>;
