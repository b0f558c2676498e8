import type { Theme } from '@hearth/protocol';
import { mixColors, readableOn, textColorOn } from '@hearth/chat-client';

export type ResolvedTheme = 'light' | 'dark';

/**
 * The theme to paint: the host page's `setTheme` wins over the site's setting; `auto` follows the
 * visitor's system (prefers-color-scheme).
 */
export function resolveTheme(hostTheme: Theme | null, siteTheme: Theme, prefersDark: boolean): ResolvedTheme {
  const chosen = hostTheme ?? siteTheme;
  if (chosen === 'auto') return prefersDark ? 'dark' : 'light';
  return chosen;
}

/**
 * The neutral colors of each theme (kept here, not only in CSS, so the brand-derived text colors
 * are computed against the very backgrounds they sit on). Each pair passes AA (appearance.test.ts).
 */
export const SURFACES = {
  light: { bg: '#ffffff', raised: '#f3f4f6', text: '#111827', muted: '#4b5563', line: '#d1d5db', danger: '#b91c1c' },
  dark: { bg: '#111827', raised: '#1f2937', text: '#f9fafb', muted: '#b4bcc8', line: '#4b5563', danger: '#fca5a5' },
} as const;

/**
 * CSS custom properties for a brand color in a theme: the fill (launcher-like buttons, visitor
 * bubbles, header), the text on it (white or black, whichever passes AA), a hover shade that keeps
 * that contrast, and the brand as a text/link color darkened or lightened until it is readable on
 * the theme's raised surface (and therefore on its plain background too).
 *
 * @example themeVariables('#4f46e5', 'light')['--on-brand'] // '#ffffff'
 */
export function themeVariables(brand: string, theme: ResolvedTheme): Record<string, string> {
  const s = SURFACES[theme];
  const onBrand = textColorOn(brand);
  return {
    '--brand': brand,
    '--on-brand': onBrand,
    // Moving away from the text color only ever raises the contrast with it.
    '--brand-hover': mixColors(brand, onBrand === '#ffffff' ? '#000000' : '#ffffff', 0.15),
    '--brand-text': readableOn(brand, s.raised),
    '--bg': s.bg,
    '--raised': s.raised,
    '--text': s.text,
    '--muted': s.muted,
    '--line': s.line,
    '--danger': s.danger,
  };
}
