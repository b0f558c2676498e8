import { z } from 'zod';
import { textOrEmpty } from './text-fields.ts';
import { ConversationIdSchema } from './ids.ts';
import { SiteSettingsSchema } from './site-settings.ts';

/** Longest CSAT comment, in UTF-16 code units. */
export const CSAT_COMMENT_MAX = 2000;

const score = z.number().int().min(1, 'a score is 1 to 5').max(5, 'a score is 1 to 5');

/**
 * The visitor's rating of a closed conversation. Sending it again (within the site's change
 * window) replaces the earlier rating.
 *
 * @example { conversationId, score: 5, ces: null, comment: 'Quick and kind.' }
 */
export const RateConversationSchema = z.strictObject({
  conversationId: ConversationIdSchema,
  score,
  ces: score.nullable().optional(),
  comment: textOrEmpty(CSAT_COMMENT_MAX, 'a comment')
    .transform((s) => s || null)
    .nullable()
    .optional(),
});

export interface CsatRating {
  score: number;
  ces: number | null;
  comment: string | null;
  /** Epoch ms of the latest change. */
  ratedAt: number;
}

/** What the widget needs to ask (or re-show) the CSAT question of a closed conversation. */
export interface CsatPrompt {
  question: string;
  commentPrompt: string;
  thanks: string;
  /** Null when the site has CES turned off. */
  cesQuestion: string | null;
  rating: CsatRating | null;
  /** Epoch ms after which the rating can no longer be given or changed. */
  changeableUntil: number;
}

const settings = SiteSettingsSchema.shape;

/**
 * PUT /api/sites/:siteId/csat-settings (owners): the closing and CSAT settings to change; keys left
 * out keep their value. Limits are the settings schema's own (defaults unwrapped, so a missing key
 * is not reset).
 */
export const CsatSettingsPatchSchema = z.strictObject({
  inactivityTimeoutMinutes: settings.inactivityTimeoutMinutes.unwrap().optional(),
  reopenWindowMinutes: settings.reopenWindowMinutes.unwrap().optional(),
  csatChangeWindowHours: settings.csatChangeWindowHours.unwrap().optional(),
  csatQuestion: settings.csatQuestion.unwrap().optional(),
  csatCommentPrompt: settings.csatCommentPrompt.unwrap().optional(),
  csatThanks: settings.csatThanks.unwrap().optional(),
  cesEnabled: settings.cesEnabled.unwrap().optional(),
  cesQuestion: settings.cesQuestion.unwrap().optional(),
});
export type CsatSettingsPatch = z.infer<typeof CsatSettingsPatchSchema>;
export type CsatSettings = Required<CsatSettingsPatch>;
