/** What can take focus with Tab inside the panel (roving-tabindex widgets count once, by their tab stop). */
export const TABBABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * The focus trap's rule: Tab on the last tab stop goes to the first, Shift+Tab on the first (or
 * from outside them) to the last; anywhere else the browser's own order is right (null).
 *
 * @example wrapFocus(4, 3, false) // 0
 */
export function wrapFocus(count: number, current: number, backwards: boolean): number | null {
  if (count === 0) return null;
  if (backwards) return current <= 0 ? count - 1 : null;
  return current === -1 || current === count - 1 ? 0 : null;
}
