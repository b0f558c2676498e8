import { SNIPPET_CLOSE, SNIPPET_OPEN } from '@hearth/protocol';

/**
 * Substring search's normalisation, for text without spaces between words (Japanese, Chinese, Thai:
 * "いち" in "いちにさん") and with folding beyond case and accents ("Grosse" finds "Größe", "office"
 * finds "oﬃce"). A word index cannot find these: FTS5's unicode61 (and PostgreSQL's 'simple'
 * tsvector) index "いちにさん" as one word and "große" as itself. So both engines also test the
 * folded message for the folded query as a substring: SQLite through `hearth_fold` (this function,
 * registered on the connection by the transcript adapter), PostgreSQL through its own `hearth_fold`
 * (lower ∘ unaccent, migrations-pg 0006, with a pg_trgm index). The two agree on every case the
 * contract suite tests (both fold case, marks, ß and the ligatures); each engine is consistent with
 * itself, which is what matching needs.
 */

/** Letters `unaccent` rewrites that Unicode decomposition leaves alone. */
const UNACCENT_EXTRA: Record<string, string> = { ß: 'ss', ẞ: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ħ: 'h', ı: 'i' };
const MARKS = /\p{M}/u;

/** One code point, folded: compatibility-decomposed (ﬁ → fi), marks dropped, lower case, ß → ss. */
function foldCodePoint(ch: string): string {
  let out = '';
  for (const part of ch.normalize('NFKD')) {
    if (MARKS.test(part)) continue;
    const lower = part.toLowerCase();
    out += UNACCENT_EXTRA[lower] ?? lower;
  }
  return out;
}

/** The folded text (what `hearth_fold` returns on SQLite). */
export function foldText(text: string): string {
  let out = '';
  for (const ch of text) out += foldCodePoint(ch);
  return out;
}

/** The folded text with, for each folded UTF-16 unit, where its code point starts and ends in `text`. */
function foldWithOrigins(text: string): { folded: string; start: number[]; end: number[] } {
  let folded = '';
  const start: number[] = [];
  const end: number[] = [];
  let at = 0;
  for (const ch of text) {
    const piece = foldCodePoint(ch);
    folded += piece;
    for (let i = 0; i < piece.length; i++) {
      start.push(at);
      end.push(at + ch.length);
    }
    at += ch.length;
  }
  return { folded, start, end };
}

/** `%` `_` and `\` of a folded query escaped for `LIKE … ESCAPE '\'`. */
export const likeEscape = (folded: string): string => folded.replace(/[\\%_]/g, (c) => `\\${c}`);

const BEFORE = 30;
const AFTER = 60;

/**
 * The first occurrence of the folded `query` in `body`, marked (SNIPPET_OPEN … SNIPPET_CLOSE) in
 * the original text with up to 30 characters before and 60 after (… where it goes on); null when
 * the folded body does not contain it.
 *
 * @example substringSnippet('我想退货谢谢', '退货') // '我想\uE000退货\uE001谢谢'
 */
export function substringSnippet(body: string, query: string): string | null {
  const needle = foldText(query.trim());
  if (!needle) return null;
  const { folded, start, end } = foldWithOrigins(body);
  const at = folded.indexOf(needle);
  if (at < 0) return null;
  const open = start[at]!;
  const close = end[at + needle.length - 1]!;
  const from = Math.max(0, open - BEFORE);
  const to = Math.min(body.length, close + AFTER);
  return `${from > 0 ? '…' : ''}${body.slice(from, open)}${SNIPPET_OPEN}${body.slice(open, close)}${SNIPPET_CLOSE}${body.slice(close, to)}${to < body.length ? '…' : ''}`;
}
