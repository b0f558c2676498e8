import { z } from 'zod';
import { TriggerSettingsSchema } from './triggers.ts';

/**
 * Per-site settings, stored as one JSON document on the site (sites.settings) and parsed with this
 * schema on every read, so a missing key always means its default and a new setting needs no
 * migration. Each feature owns its keys; add yours with a `.default(...)`.
 *
 * @example SiteSettingsSchema.parse({}) // every default
 */
export const SiteSettingsSchema = z.object({
  /** Proactive triggers' detectors (issue 4). */
  triggers: TriggerSettingsSchema.default(TriggerSettingsSchema.parse({})),
});

export type SiteSettings = z.infer<typeof SiteSettingsSchema>;
