import { SNIPPET_CLOSE, SNIPPET_OPEN, type TranscriptSearchHit } from '@hearth/protocol';
import type { StoredSearchHit } from './transcript.store.ts';

/**
 * A stored hit as the console receives it: the snippet as plain text and the match as offsets, so
 * the console marks exactly the match (a message's own "[" and "]" are just text).
 *
 * @example toSearchHit({ …, snippet: 'Is the \uE000cedar\uE001 in stock?' }) // { …, snippet: 'Is the cedar in stock?', highlight: [7, 12] }
 */
export function toSearchHit(hit: StoredSearchHit): TranscriptSearchHit {
  const open = hit.snippet.indexOf(SNIPPET_OPEN);
  const close = hit.snippet.indexOf(SNIPPET_CLOSE, open + 1);
  const snippet = hit.snippet.replaceAll(SNIPPET_OPEN, '').replaceAll(SNIPPET_CLOSE, '');
  return { ...hit, snippet, highlight: open >= 0 && close > open ? [open, close - 1] : null };
}

/** The snippet for a CSV cell: the match in [ and ]. */
export const bracketedSnippet = (snippet: string): string => snippet.replaceAll(SNIPPET_OPEN, '[').replaceAll(SNIPPET_CLOSE, ']');
