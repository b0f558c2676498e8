import { createContext } from 'preact';
import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import type { WidgetLocale } from '@hearth/protocol';
import { en, type Strings } from './en.ts';
import { loadStrings, loadedStrings } from './string-tables.ts';

export interface LocaleStrings {
  /** The language the strings are in (for `lang` and dates), which may lag behind the wanted one. */
  locale: WidgetLocale;
  t: Strings;
}

/** Provided once by App; a locale switch re-renders every component that reads it. */
export const LocaleContext = createContext<LocaleStrings>({ locale: 'en', t: en });

export const useStrings = (): LocaleStrings => useContext(LocaleContext);

/**
 * The strings for `wanted`: its table once its chunk is here; until then the strings shown before
 * (English at first), so a switch never blanks the panel or mixes two languages.
 */
export function useLocaleStrings(wanted: WidgetLocale): LocaleStrings {
  const shown = useRef<LocaleStrings>({ locale: 'en', t: en });
  const [, chunkArrived] = useState(0);
  const table = loadedStrings(wanted);
  useEffect(() => {
    if (table) return;
    let current = true;
    void loadStrings(wanted).then(() => current && chunkArrived((n) => n + 1));
    return () => {
      current = false;
    };
  }, [wanted, table]);
  // A new object only when the table changes: the context's consumers re-render only then.
  if (table && shown.current.t !== table) shown.current = { locale: wanted, t: table };
  return shown.current;
}
