import { z } from 'zod';
import { requiredText } from './text-fields.ts';
import { TriggerSettingsSchema } from './triggers.ts';
import { AppearanceSchema, PrechatSchema } from './appearance.ts';
import { FileSettingsSchema } from './files.ts';

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time like 09:00');

/** One opening span on a weekday (0 = Sunday … 6 = Saturday), in the schedule's time zone. */
export const OpeningSpanSchema = z
  .strictObject({ day: z.number().int().min(0).max(6), open: HHMM, close: HHMM })
  .refine((s) => s.open < s.close, 'close must be after open');

export const BusinessHoursSchema = z.strictObject({
  timeZone: z.string().min(1).max(64).refine(isTimeZone, 'an IANA time zone like Europe/Berlin'),
  spans: z.array(OpeningSpanSchema).max(50),
});
export type BusinessHours = z.infer<typeof BusinessHoursSchema>;

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const RoutingSettingsSchema = z.strictObject({
  /** least-busy: fewest open chats, tie → longest since last assignment. round-robin: longest since last assignment. */
  policy: z.enum(['least-busy', 'round-robin']).default('least-busy'),
  /** Concurrent chats per agent unless the agent has an override. */
  defaultMaxChats: z.number().int().min(1).max(100).default(3),
  /** An assigned chat the agent neither accepts nor answers within this goes to the next agent. */
  acceptTimeoutSeconds: z.number().int().min(1).max(3600).default(30),
  /** After this many consecutive misses the agent is set to away. */
  maxMissesBeforeAway: z.number().int().min(1).max(100).default(3),
  /** An agent whose last socket closed keeps their chats this long (a reload drops nothing). */
  reconnectGraceSeconds: z.number().int().min(0).max(3600).default(30),
  /** A chat waiting for a department this long may go to any agent. */
  departmentFallbackSeconds: z.number().int().min(0).max(86_400).default(120),
  /** null: always open (availability then depends on agents only). */
  businessHours: BusinessHoursSchema.nullable().default(null),
});
export type RoutingSettings = z.infer<typeof RoutingSettingsSchema>;

/**
 * Per-site settings, stored as one JSON document on the site (sites.settings) and parsed with this
 * schema on every read, so a missing key always means its default and a new setting needs no
 * migration. Each feature owns its keys; add yours with a `.default(...)`.
 *
 * @example SiteSettingsSchema.parse({}) // every default
 */
/** A question the visitor reads: refused when nothing in it is visible (spaces, zero-width spaces …). */
const questionText = (fallback: string) => requiredText(300, 'a question').default(fallback);

export const SiteSettingsSchema = z.object({
  routing: RoutingSettingsSchema.default(RoutingSettingsSchema.parse({})),
  /** Proactive triggers' detectors (issue 4). */
  triggers: TriggerSettingsSchema.default(TriggerSettingsSchema.parse({})),
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
  /**
   * Identity verification (trust): when true, the widget only opens a session for visitors the host
   * page identified with `Hearth('identify', { id, hash })`, hash = HMAC-SHA256(id, site secret).
   */
  requireIdentity: z.boolean().default(false),
  /**
   * Host-page origins allowed to embed this site's widget (e.g. "https://shop.example"); empty means
   * any. Checked when the widget asks for its session.
   */
  allowedOrigins: z.array(z.string().max(256)).max(100).default([]),
  // --- widget and console (issue 6) ---
  appearance: AppearanceSchema.default(AppearanceSchema.parse({})),
  prechat: PrechatSchema.default(PrechatSchema.parse({})),
  /** Files in the chat (issue 15): size, kinds, files per message. */
  files: FileSettingsSchema.default(FileSettingsSchema.parse({})),
});

export type SiteSettings = z.infer<typeof SiteSettingsSchema>;
