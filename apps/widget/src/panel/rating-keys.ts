/**
 * Where a key moves the checked option of a 1–5 radio group (WAI-ARIA radio group pattern): arrows
 * step and stop at the ends, Home/End jump; from nothing checked, "next" checks 1. Null: not ours.
 *
 * @example nextRating('ArrowRight', 3) // 4
 */
export function nextRating(key: string, current: number | null, max = 5): number | null {
  const at = current ?? 0;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return Math.min(max, at + 1);
    case 'ArrowLeft':
    case 'ArrowUp':
      return Math.max(1, at - 1);
    case 'Home':
      return 1;
    case 'End':
      return max;
    default:
      return null;
  }
}
