import { describe, expect, it } from 'vitest';
import { foldWord, searchSnippet as marked } from './search-snippet.ts';
import { bracketedSnippet } from '../../transcripts/search-hits.ts';

/** The snippet with its match in [ and ] (as the CSV shows it), to read the expectations at a glance. */
const searchSnippet = (body: string, query: string) => bracketedSnippet(marked(body, query));

describe('searchSnippet (FTS5 snippet format on PostgreSQL)', () => {
  it('marks the phrase as one span and shows a short message whole', () => {
    expect(searchSnippet('Is the cedar candle in stock?', 'cedar candle')).toBe('Is the [cedar candle] in stock?');
    expect(searchSnippet('Where is my order #1234? (urgent)', '#1234? (urgent)')).toBe('Where is my order #[1234? (urgent])');
  });

  it('folds case and accents, and splits emails and URLs into words', () => {
    expect(searchSnippet('Mein Café in Zürich', 'cafe in zurich')).toBe('Mein [Café in Zürich]');
    expect(searchSnippet('write to bob@example.com today', 'example com')).toBe('write to bob@[example.com] today');
    expect(searchSnippet('see https://shop.example/p/42', 'shop example p 42')).toBe('see https://[shop.example/p/42]');
    expect(foldWord('ÉLAN')).toBe('elan');
  });

  it('shows at most 12 words around the first occurrence, with … where the message goes on', () => {
    const body = Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ');
    expect(searchSnippet(body, 'w20 w21')).toBe('…w15 w16 w17 w18 w19 [w20 w21] w22 w23 w24 w25 w26…');
    expect(searchSnippet(body, 'w0')).toBe('[w0] w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11…');
    expect(searchSnippet(body, 'w39')).toBe('…w28 w29 w30 w31 w32 w33 w34 w35 w36 w37 w38 [w39]');
  });

  it('falls back to the opening words when the phrase is not found', () => {
    expect(searchSnippet('hello there', 'nothing')).toBe('hello there');
  });
});

describe('foldWord', () => {
  it('folds what unaccent folds beyond decomposition: ligatures, ß, æ, ø', () => {
    expect(['ﬁne', 'Straße', 'ÆSIR', 'øre', 'İstanbul', 'Łódź'].map(foldWord)).toEqual(['fine', 'strasse', 'aesir', 'ore', 'istanbul', 'lodz']);
  });
});
