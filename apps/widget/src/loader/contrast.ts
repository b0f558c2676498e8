/**
 * Text and icon color on the site's brand color, passing WCAG AA (4.5:1) on any color: white when
 * it passes (owners pick brand colors expecting white on them), else near-black, else black (some
 * mid tones, like #808080, pass only with pure black: every color passes with white or black).
 *
 * @example textColorOn('#4f46e5') // '#ffffff'
 * @example textColorOn('#fde047') // '#111827'
 */
export const LIGHT_TEXT = '#ffffff';
export const DARK_TEXT = '#111827';

/** Relative luminance of a `#rrggbb` color, 0 (black) to 1 (white). */
export function luminance(hex: string): number {
  const channel = (i: number): number => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG contrast ratio between two `#rrggbb` colors, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

export function textColorOn(background: string): string {
  return [LIGHT_TEXT, DARK_TEXT].find((text) => contrastRatio(background, text) >= 4.5) ?? '#000000';
}
