import type { WidgetLocale } from '@hearth/protocol';

/**
 * The launcher's few strings, in the widget's locales. The panel has its own, fuller catalogue and
 * the triggers chunk the prompt's (triggers/prompt.ts); these stay here so drawing the launcher
 * never waits for either.
 */
export interface LoaderStrings {
  /** Launcher's default accessible name and tooltip (the owner's launcher label replaces it). */
  open: string;
  close: string;
  /** "Chat with us, 2 unread" */
  unread: string;
}

const STRINGS: Record<WidgetLocale, LoaderStrings> = {
  en: { open: 'Chat with us', close: 'Close chat', unread: 'unread' },
  de: { open: 'Chatten Sie mit uns', close: 'Chat schließen', unread: 'ungelesen' },
  es: { open: 'Chatea con nosotros', close: 'Cerrar chat', unread: 'sin leer' },
};

/**
 * `setLocale` wins, then the site's forced locale, then the browser's language, then English.
 *
 * @example pickLocale(null, null, 'de-AT') // 'de'
 */
export function pickLocale(chosen: WidgetLocale | null, site: WidgetLocale | null, browser: string | undefined): WidgetLocale {
  const fromBrowser = browser?.slice(0, 2).toLowerCase() as WidgetLocale;
  return chosen ?? site ?? (Object.prototype.hasOwnProperty.call(STRINGS, fromBrowser) ? fromBrowser : 'en');
}

export const stringsFor = (locale: WidgetLocale): LoaderStrings => STRINGS[locale];

/**
 * The launcher's accessible name. The unread count is part of it (not only the visual badge) so
 * screen-reader users hear it too.
 *
 * @example launcherName(stringsFor('en'), '', false, 2) // 'Chat with us, 2 unread'
 */
export function launcherName(strings: LoaderStrings, label: string, open: boolean, unread: number): string {
  if (open) return strings.close;
  const name = label || strings.open;
  return unread > 0 ? `${name}, ${unread} ${strings.unread}` : name;
}

/** Badge text: keeps the badge round for large counts. */
export const badgeText = (unread: number): string => (unread > 99 ? '99+' : String(unread));
