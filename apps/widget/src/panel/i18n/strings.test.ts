import { describe, expect, it } from 'vitest';
import type { WidgetLocale } from '@hearth/protocol';
import { de } from './de.ts';
import { en, type Strings } from './en.ts';
import { es } from './es.ts';
import { LOCALES, loadStrings, loadedStrings } from './string-tables.ts';
import { format, pickLocale, placeholdersOf } from './strings.ts';

// Keyed by the protocol's locales: a table missing here fails type-checking.
const STRING_TABLES: Record<WidgetLocale, Strings> = { en, de, es };

describe('string tables', () => {
  const keys = Object.keys(en).sort();
  for (const [locale, table] of Object.entries(STRING_TABLES)) {
    it(`${locale} has every key, no extra key, no empty string, and the same placeholders as English`, () => {
      expect(Object.keys(table).sort()).toEqual(keys);
      for (const key of keys) {
        const text = table[key as keyof typeof en];
        expect(text.trim(), `${locale}.${key}`).not.toBe('');
        expect(placeholdersOf(text), `${locale}.${key}`).toEqual(placeholdersOf(en[key as keyof typeof en]));
      }
    });
  }
});

describe('string chunks', () => {
  it('ship English inline and load every other locale on demand, once', async () => {
    expect(LOCALES.sort()).toEqual(Object.keys(STRING_TABLES).sort());
    expect(loadedStrings('en')).toBe(en);
    expect(loadedStrings('de')).toBeUndefined();
    const pending = loadStrings('de');
    expect(loadStrings('de')).toBe(pending);
    expect(await pending).toEqual(de);
    expect(loadedStrings('de')).toBe(await pending);
    expect(await loadStrings('es')).toEqual(es);
  });
});

describe('pickLocale', () => {
  it('prefers the host page, then the site, then the browser, then English', () => {
    expect(pickLocale('es', 'de', ['en-US'])).toBe('es');
    expect(pickLocale(null, 'de', ['es-ES'])).toBe('de');
    expect(pickLocale(null, null, ['fr-FR', 'de-AT', 'es'])).toBe('de');
    expect(pickLocale(null, null, ['fr-FR', 'ja'])).toBe('en');
    expect(pickLocale(null, null, [])).toBe('en');
  });

  it('matches by primary subtag, case-insensitively, and skips what it does not ship', () => {
    expect(pickLocale('DE-ch', null, [])).toBe('de');
    expect(pickLocale('fr', null, ['es-419'])).toBe('es');
    expect(pickLocale('', null, ['es'])).toBe('es');
  });
});

describe('format', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format(en.queuePosition, { position: 2, eta: 'about 2 min' })).toBe("You're number 2 in line · about 2 min");
    expect(format('{a} and {b}', { a: 'x' })).toBe('x and {b}');
  });
});
