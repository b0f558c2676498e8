import { z } from 'zod';
import { RageClickSettingsSchema } from './triggers.ts';

/**
 * Per-site settings, stored as one JSON document on the site (sites.settings) and parsed with this
 * schema on every read, so a missing key always means its default and a new setting needs no
 * migration. Each feature owns its keys; add yours with a `.default(...)`.
 *
 * @example SiteSettingsSchema.parse({}) // every default
 */
export const SiteSettingsSchema = z.object({
  /** Proactive triggers' detectors (issue 4). */
  triggers: z
    .object({
      rage: RageClickSettingsSchema.default(RageClickSettingsSchema.parse({})),
      /** Seconds without input on a checkout page that count as abandoning the cart. */
      checkoutIdleSeconds: z.number().int().min(5).max(3600).default(60),
      /** Regular expression (tested in the browser only) for checkout-like pages, on path + query + hash. */
      checkoutPattern: z.string().min(1).max(200).default('checkout'),
    })
    .default({ rage: RageClickSettingsSchema.parse({}), checkoutIdleSeconds: 60, checkoutPattern: 'checkout' }),
});

export type SiteSettings = z.infer<typeof SiteSettingsSchema>;
