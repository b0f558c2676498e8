import { useLayoutEffect, useRef, useState } from 'preact/hooks';

/**
 * Whether a row of items fits in its bar, for navigation that collapses into a menu instead of
 * clipping or scrolling. The items' natural width is measured while they show (it depends on the
 * labels and the font, not on the window), the room is what the bar leaves beside its other
 * children; both are measured again whenever the bar is resized.
 *
 * @param deps what changes the items (their labels): the natural width is measured again.
 * @returns `fits`, and refs for the bar and for the row of items.
 */
export function useFits(deps: readonly unknown[]) {
  const bar = useRef<HTMLElement>(null);
  const row = useRef<HTMLElement>(null);
  const natural = useRef<number | null>(null);
  const [fits, setFits] = useState(true);

  useLayoutEffect(() => {
    natural.current = null;
    setFits(true); // show the items once to measure them
  }, deps);

  useLayoutEffect(() => {
    const barEl = bar.current;
    if (!barEl) return;
    const measure = (): void => {
      const rowEl = row.current;
      if (fits && rowEl) natural.current = naturalWidth(rowEl);
      if (natural.current === null) return;
      const style = getComputedStyle(barEl);
      const gap = parseFloat(style.columnGap) || 0;
      const others = [...barEl.children].filter((c) => c !== rowEl && !c.contains(rowEl) && !(c as HTMLElement).dataset.collapsedOnly);
      const taken = others.reduce((sum, c) => sum + c.getBoundingClientRect().width, 0) + gap * others.length;
      const room = barEl.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - taken;
      const next = natural.current <= room;
      if (next !== fits) setFits(next);
    };
    measure();
    // The bar's other children change width too (a button appears, a name is longer).
    const observer = new ResizeObserver(measure);
    observer.observe(barEl);
    for (const child of barEl.children) observer.observe(child);
    return () => observer.disconnect();
  }, [fits, ...deps]);

  return { fits, bar, row };
}

/** What a flex row of items needs: its items, the gaps between them and its own padding. */
function naturalWidth(row: HTMLElement): number {
  const style = getComputedStyle(row);
  const items = [...row.children];
  const gap = parseFloat(style.columnGap) || 0;
  return (
    items.reduce((sum, item) => sum + item.getBoundingClientRect().width, 0) +
    gap * Math.max(0, items.length - 1) +
    parseFloat(style.paddingLeft) +
    parseFloat(style.paddingRight)
  );
}
