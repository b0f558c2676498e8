import { SNIPPET_CLOSE, SNIPPET_OPEN } from '@hearth/protocol';
/**
 * The PostgreSQL side of transcript search's normalisation and snippets, matching SQLite's FTS5
 * (`unicode61 remove_diacritics 2`, `snippet(…, '[', ']', '…', 12)`):
 * - a word is a run of letters and digits; everything else separates (so an email or a URL is
 *   several words, as in FTS5); words compare case- and accent-folded. The database does the same
 *   with `hearth_search_text` (migrations-pg: lower(unaccent(…)) over the words) before
 *   `to_tsvector('simple', …)`, so the index and the query agree with this file.
 * - the snippet shows at most 12 words around the first occurrence of the phrase, the phrase in
 *   SNIPPET_OPEN … SNIPPET_CLOSE, with … where the message goes on. A message that fits is shown whole, punctuation
 *   included, as FTS5 does.
 */
const WORD = /[\p{L}\p{N}]+/gu;
const SNIPPET_WORDS = 12;

/** Letters `unaccent` rewrites that Unicode decomposition leaves alone. */
const UNACCENT_EXTRA: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ħ: 'h', ı: 'i' };
const EXTRA = new RegExp(`[${Object.keys(UNACCENT_EXTRA).join('')}]`, 'g');

/** Case- and accent-folded, as `hearth_search_text` (lower ∘ unaccent) does in SQL. */
export function foldWord(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(EXTRA, (c) => UNACCENT_EXTRA[c]!);
}

interface Word {
  text: string;
  start: number;
  end: number;
}

function words(text: string): Word[] {
  return [...text.matchAll(WORD)].map((m) => ({ text: foldWord(m[0]), start: m.index, end: m.index + m[0].length }));
}

/**
 * `body` with the first occurrence of the phrase `query` marked: `Is the [cedar candle] in stock?`.
 * When the database matched but the words cannot be found here (a folding this file does not know),
 * the message's opening words, unmarked.
 */
export function searchSnippet(body: string, query: string): string {
  const all = words(body);
  const phrase = words(query).map((w) => w.text);
  let at = -1;
  if (phrase.length > 0) {
    for (let i = 0; i + phrase.length <= all.length && at < 0; i++) {
      if (phrase.every((p, j) => all[i + j]!.text === p)) at = i;
    }
  }
  const length = at < 0 ? 0 : phrase.length;
  // Centre the phrase in the window, as FTS5 places its best window.
  let first = at < 0 ? 0 : Math.max(0, at - Math.floor((SNIPPET_WORDS - length) / 2));
  first = Math.max(0, Math.min(first, all.length - SNIPPET_WORDS));
  const last = Math.min(all.length, first + SNIPPET_WORDS) - 1;
  if (last < 0) return body;
  const from = first === 0 ? 0 : all[first]!.start;
  const to = last === all.length - 1 ? body.length : all[last]!.end;
  let text = '';
  let cursor = from;
  if (at >= 0) {
    const open = all[at]!.start;
    const close = all[at + length - 1]!.end;
    text = `${body.slice(cursor, open)}${SNIPPET_OPEN}${body.slice(open, close)}${SNIPPET_CLOSE}`;
    cursor = close;
  }
  text += body.slice(cursor, to);
  return `${first > 0 ? '…' : ''}${text}${last < all.length - 1 ? '…' : ''}`;
}
