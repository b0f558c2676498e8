import type { WidgetLocale } from '@hearth/protocol';
import { en, type Strings } from './en.ts';

/**
 * English ships inside the panel; every other locale is its own chunk, fetched only by the visitors
 * who read it (about 1 KB gzip each that English readers never download). A locale missing here
 * fails type-checking.
 */
const CHUNKS: Record<Exclude<WidgetLocale, 'en'>, () => Promise<Strings>> = {
  de: () => import('./de.ts').then((m) => m.de),
  es: () => import('./es.ts').then((m) => m.es),
};

/** Every locale the panel speaks, English first. */
export const LOCALES = ['en', ...Object.keys(CHUNKS)] as WidgetLocale[];

const loaded: Partial<Record<WidgetLocale, Strings>> = { en };
const loading: Partial<Record<WidgetLocale, Promise<Strings>>> = {};

/** The locale's table if it is already here (English always is). */
export const loadedStrings = (locale: WidgetLocale): Strings | undefined => loaded[locale];

/**
 * The locale's table, fetched once. A chunk that fails to load (a deploy replaced it, the network
 * dropped) resolves to English, and the next call tries again.
 */
export function loadStrings(locale: WidgetLocale): Promise<Strings> {
  const table = loaded[locale];
  if (table) return Promise.resolve(table);
  return (loading[locale] ??= CHUNKS[locale as Exclude<WidgetLocale, 'en'>]().then(
    (t) => (loaded[locale] = t),
    () => {
      delete loading[locale];
      return en;
    },
  ));
}
