import { z } from 'zod';

/**
 * Per-site settings, stored as one JSON document on the site (sites.settings) and parsed with this
 * schema on every read, so a missing key always means its default and a new setting needs no
 * migration. Each feature owns its keys; add yours with a `.default(...)`.
 *
 * @example SiteSettingsSchema.parse({}) // every default
 */
export const SiteSettingsSchema = z.object({
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
});

export type SiteSettings = z.infer<typeof SiteSettingsSchema>;
