import { useEffect, useState } from 'preact/hooks';
import type { Theme } from '@hearth/protocol';
import { resolveTheme, themeVariables, type ResolvedTheme } from './appearance.ts';
import { TABBABLE, wrapFocus } from './focus-trap.ts';

const DEFAULT_BRAND = '#4f46e5';

/** The system's dark-mode preference, live (for theme `auto`). */
function usePrefersDark(): boolean {
  const query = matchMedia('(prefers-color-scheme: dark)');
  const [dark, setDark] = useState(query.matches);
  useEffect(() => {
    const onChange = (e: MediaQueryListEvent): void => setDark(e.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  return dark;
}

/** Paints the resolved theme and brand onto the document (CSS custom properties), and its language. */
export function useDocumentAppearance(brand: string | undefined, hostTheme: Theme | null, siteTheme: Theme, lang: string): ResolvedTheme {
  const theme = resolveTheme(hostTheme, siteTheme, usePrefersDark());
  useEffect(() => {
    const root = document.documentElement;
    for (const [name, value] of Object.entries(themeVariables(brand ?? DEFAULT_BRAND, theme))) root.style.setProperty(name, value);
    root.style.colorScheme = theme;
    root.dataset.theme = theme;
  }, [brand, theme]);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  return theme;
}

/**
 * Keyboard rules of the open panel: Escape asks the loader to close it (Escape inside the frame never
 * reaches the host page, and the loader returns focus to the launcher); Tab and Shift+Tab cycle
 * inside the panel instead of leaving the frame for the host page behind it (a modal dialog's trap).
 */
export function usePanelKeys(onClose: () => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') {
        onClose();
        return;
      }
      if (e.key !== 'Tab') return;
      const stops = [...document.querySelectorAll<HTMLElement>(TABBABLE)].filter((el) => el.getClientRects().length > 0);
      const target = wrapFocus(stops.length, stops.indexOf(document.activeElement as HTMLElement), e.shiftKey);
      if (target === null) return;
      e.preventDefault();
      stops[target]!.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);
}
