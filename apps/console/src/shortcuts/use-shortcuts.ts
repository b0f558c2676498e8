import { useEffect, useRef } from 'preact/hooks';
import { shortcutFor, type ShortcutAction } from './shortcut-table.ts';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * One document-level key handler for the shortcut table. Keys pressed inside a dialog belong to
 * the dialog; letters typed into a field stay letters.
 */
export function useShortcuts(onAction: (action: ShortcutAction) => void): void {
  const latest = useRef(onAction);
  latest.current = onAction;
  useEffect(() => {
    function onKeyDown(e: KeyboardEvent) {
      if (e.defaultPrevented || e.isComposing) return;
      if (e.target instanceof Element && e.target.closest('[role="dialog"]')) return;
      const action = shortcutFor(e, isTyping(e.target));
      if (!action) return;
      e.preventDefault();
      latest.current(action);
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}

/** Focuses the composer; with `slash`, types a `/` at the caret (a word start) to open canned replies. */
export function focusComposer(slash: boolean): void {
  const area = document.getElementById('reply');
  if (!(area instanceof HTMLTextAreaElement) || area.disabled) return;
  area.focus();
  if (!slash) return;
  const at = area.selectionStart ?? area.value.length;
  const before = area.value.slice(0, at);
  area.setRangeText(before === '' || /\s$/.test(before) ? '/' : ' /', at, area.selectionEnd ?? at, 'end');
  // The composer is a controlled Preact field: it learns of the change from the input event.
  area.dispatchEvent(new Event('input', { bubbles: true }));
}
