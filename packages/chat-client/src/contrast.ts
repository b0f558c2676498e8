/**
 * WCAG 2.x contrast for the widget's brand color: which text color is readable on it, and how far a
 * brand color must be darkened (or lightened) to be readable as text on a background. Pure, so both
 * themes' colors are checked by unit tests rather than by eye.
 */

/** AA for normal text. */
export const AA_TEXT = 4.5;

type Rgb = readonly [number, number, number];

/** `#rrggbb` (the protocol's validated form) to 0–255 channels. */
export function parseHex(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1, 7), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

const toHex = (rgb: Rgb): string => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

/** WCAG relative luminance (0 black … 1 white). */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = parseHex(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as unknown as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Contrast ratio from 1 (same) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Mixes `from` toward `to` by `amount` (0–1). */
export function mixColors(from: string, to: string, amount: number): string {
  const a = parseHex(from);
  const b = parseHex(to);
  return toHex([0, 1, 2].map((i) => a[i]! + (b[i]! - a[i]!) * amount) as unknown as Rgb);
}

/** Black, not a softer near-black: for any fill, white or black always reaches 4.5:1 (mid-greys need black). */
export const BLACK = '#000000';
export const WHITE = '#ffffff';

/**
 * Text color for a fill of `background`: white when it passes AA, else black (one of them always does).
 *
 * @example textColorOn('#4f46e5') // '#ffffff'; textColorOn('#fde047') // '#000000'
 */
export function textColorOn(background: string): string {
  return contrastRatio(WHITE, background) >= AA_TEXT ? WHITE : BLACK;
}

/** The launcher's icon and badge text on the brand color: near-black on light brands (softer than black). */
export const NEAR_BLACK = '#111827';

/**
 * The launcher's text color on the brand: white when it passes AA (owners pick brand colors
 * expecting white on them), else near-black, else black (mid tones like #808080 pass only with
 * black). Computed by the server for the widget config, so the loader carries no color math.
 *
 * @example launcherTextOn('#4f46e5') // '#ffffff'; launcherTextOn('#fde047') // '#111827'
 */
export function launcherTextOn(background: string): string {
  return [WHITE, NEAR_BLACK].find((text) => contrastRatio(background, text) >= AA_TEXT) ?? BLACK;
}

/**
 * `color`, darkened on a light background (lightened on a dark one) in small steps until it reaches
 * `min` contrast against `background`: the brand's hue kept as far as readability allows.
 *
 * @example readableOn('#facc15', '#ffffff') // a dark olive that passes 4.5:1 on white
 */
export function readableOn(color: string, background: string, min = AA_TEXT): string {
  const toward = relativeLuminance(background) > 0.18 ? BLACK : WHITE;
  for (let step = 0; step <= 20; step++) {
    const candidate = mixColors(color, toward, step / 20);
    if (contrastRatio(candidate, background) >= min) return candidate;
  }
  return toward;
}
