import { useLayoutEffect } from 'preact/hooks';

/**
 * Scrolls the message list just enough to show `el` whole: its
 * bottom comes into view, never at the cost of its top. Only that list moves: `scrollIntoView`
 * would also scroll the host page around our frame.
 */
export function reveal(el: HTMLElement): void {
  const list = el.closest('.messages');
  if (!list) return;
  const box = list.getBoundingClientRect();
  const target = el.getBoundingClientRect();
  const above = target.top - box.top;
  // Down to show the bottom (but not past the top), or up to show a top that is above the list.
  list.scrollTop += target.bottom > box.bottom ? Math.min(target.bottom - box.bottom, above) : Math.min(above, 0);
}

/**
 * Content the visitor must act on (a question, a form that grew, an error) is brought into view
 * when it appears and whenever `deps` change: `ref` is the element to show whole.
 */
export function useReveal(ref: { readonly current: HTMLElement | null }, deps: unknown[]): void {
  useLayoutEffect(() => {
    if (ref.current) reveal(ref.current);
  }, deps);
}
