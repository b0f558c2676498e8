/**
 * Text on a brand colour: white or near-black, whichever has the higher WCAG contrast ratio, so
 * any colour an owner picks stays readable (the launcher, the panel header, visitor bubbles).
 * Pure black and white: with them the better of the two reaches 4.58:1 on every colour (AA for
 * normal text); a softer near-black falls short on mid greys.
 *
 * @example textColorOn('#4f46e5') // '#ffffff'
 * @example textColorOn('#facc15') // '#000000'
 */
export const LIGHT_TEXT = '#ffffff';
export const DARK_TEXT = '#000000';

/** WCAG 2 relative luminance of a #rrggbb colour. */
export function relativeLuminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

export function textColorOn(background: string): string {
  return contrastRatio(background, LIGHT_TEXT) >= contrastRatio(background, DARK_TEXT) ? LIGHT_TEXT : DARK_TEXT;
}
