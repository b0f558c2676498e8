/**
 * Turns what an agent typed into an FTS5 query that can only mean "these words, in this order": the
 * whole input becomes one quoted phrase (inner quotes doubled), so FTS syntax characters — `"`,
 * `*`, `:`, `(`, `NEAR`, `AND`, `-`, `^` — are matched as text (the tokenizer drops punctuation)
 * instead of being run as a query. Null when nothing searchable is left.
 *
 * @example ftsPhrase('cedar "candle"') // '"cedar ""candle"""'
 */
export function ftsPhrase(input: string): string | null {
  const text = input.trim();
  if (!/[\p{L}\p{N}]/u.test(text)) return null;
  return `"${text.replace(/"/g, '""')}"`;
}
