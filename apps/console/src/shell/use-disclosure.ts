import { useEffect, useRef, useState } from 'preact/hooks';

/**
 * A button that shows and hides a panel (the WAI-ARIA disclosure pattern, used for the page menu and
 * the account menu): it also closes on Escape (focus back on the button), on a click outside, and
 * when focus leaves it, as a menu does.
 *
 * @example
 * const menu = useDisclosure<HTMLDivElement>();
 * <div ref={menu.root}><button {...menu.button}>Menu</button>{menu.open && <ul>…</ul>}</div>
 */
export function useDisclosure<T extends HTMLElement>() {
  const [open, setOpen] = useState(false);
  const root = useRef<T>(null);
  useEffect(() => {
    if (!open) return;
    const outside = (e: Event): void => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent): void => {
      if (e.key !== 'Escape') return;
      // Only the menu closes, not whatever Escape means around it.
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
      root.current?.querySelector<HTMLElement>('[aria-expanded]')?.focus();
    };
    const el = root.current;
    document.addEventListener('pointerdown', outside);
    document.addEventListener('focusin', outside);
    el?.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', outside);
      document.removeEventListener('focusin', outside);
      el?.removeEventListener('keydown', onKey);
    };
  }, [open]);
  return {
    open,
    close: () => setOpen(false),
    root,
    button: { 'aria-expanded': open, onClick: () => setOpen(!open) },
  };
}
