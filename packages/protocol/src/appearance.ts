import { z } from 'zod';
import { textOrEmpty } from './text-fields.ts';
import type { WidgetTriggerConfig } from './triggers.ts';

/**
 * How a site's widget looks and greets, set by the owner in the console (Settings → Appearance) and
 * read by the loader (launcher) and the panel. Validated here so a color is always a color.
 */
export const HexColorSchema = z
  .string()
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, 'a color like #4f46e5')
  .transform((c) => c.toLowerCase());

export const ThemeSchema = z.enum(['light', 'dark', 'auto']);
export type Theme = z.infer<typeof ThemeSchema>;

/** Locales the widget ships strings for; the browser's language picks one unless `setLocale` does. */
export const WIDGET_LOCALES = ['en', 'de', 'es'] as const;
export const WidgetLocaleSchema = z.enum(WIDGET_LOCALES);
export type WidgetLocale = z.infer<typeof WidgetLocaleSchema>;

export const AppearanceSchema = z.strictObject({
  /** Launcher, visitor bubbles, buttons. Text on it is white or near-black, whichever passes AA. */
  brandColor: HexColorSchema.default('#4f46e5'),
  position: z.enum(['right', 'left']).default('right'),
  theme: ThemeSchema.default('auto'),
  /** Shown at the top of an empty chat. Empty string: the locale's default greeting. */
  greeting: textOrEmpty(300, 'a greeting').default(''),
  /** Launcher's accessible name and tooltip. Empty string: the locale's default label. */
  launcherLabel: textOrEmpty(40, 'a label').default(''),
  /** Agents' names (and avatars, or initials) shown to visitors; off shows the site's name only. */
  showAgents: z.boolean().default(true),
  /** A short sound in the widget for an agent message while the panel is closed or the tab hidden. */
  sound: z.boolean().default(true),
  /** Forces a widget language for every visitor; null follows the browser (or `setLocale`). */
  locale: WidgetLocaleSchema.nullable().default(null),
});
export type Appearance = z.infer<typeof AppearanceSchema>;

const prechatField = z.enum(['off', 'optional', 'required']);

/**
 * Pre-chat form: asked before the first message when enabled. The offline form (no agent online)
 * uses the same component and always asks for an email.
 */
export const PrechatSchema = z.strictObject({
  enabled: z.boolean().default(false),
  name: prechatField.default('optional'),
  email: prechatField.default('required'),
  /** Topic = department picker; only shown when the site has departments. */
  topic: prechatField.default('off'),
});
export type Prechat = z.infer<typeof PrechatSchema>;

/**
 * Visitor attributes from `Hearth('set', {...})` and `identify({ attributes })`: flat, small,
 * typed. Keys like `plan` or `account.id`; values text (≤ 500 chars), numbers, booleans or null
 * (null removes the key).
 */
export const ATTRIBUTE_KEY = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;
export const MAX_ATTRIBUTES = 50;
export const AttributeValueSchema = z.union([z.string().max(500), z.number().finite(), z.boolean(), z.null()]);
export const VisitorAttributesSchema = z
  .record(z.string().regex(ATTRIBUTE_KEY, 'a key like plan or account.id'), AttributeValueSchema)
  .refine((a) => Object.keys(a).length <= MAX_ATTRIBUTES, `at most ${MAX_ATTRIBUTES} attributes`);
export type VisitorAttributes = z.infer<typeof VisitorAttributesSchema>;

/** What `GET /api/widget/config?site=KEY` returns to the loader: one request for launcher and triggers. */
export interface WidgetPublicConfig {
  appearance: Appearance;
  /** The launcher's text color on `appearance.brandColor` (AA), computed by the server: `#ffffff`, `#111827` or `#000000`. */
  onBrand: string;
  /** null when the site has no enabled trigger: the loader then never fetches its detectors. */
  triggers: WidgetTriggerConfig | null;
}
