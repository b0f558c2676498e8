import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { WidgetLocale } from '@hearth/protocol';
import { en, type Strings } from './en.ts';

export interface LocaleStrings {
  locale: WidgetLocale;
  t: Strings;
}

/** Provided once by App; a locale switch re-renders every component that reads it. */
export const LocaleContext = createContext<LocaleStrings>({ locale: 'en', t: en });

export const useStrings = (): LocaleStrings => useContext(LocaleContext);
