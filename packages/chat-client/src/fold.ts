/**
 * Text as a filter compares it: case and accents ignored on any letter, so "ola" finds "Olá",
 * "manha" finds "manhã", "GROSSE" finds "Größe", "IVAN" finds "ivan" and "ﬁle" finds "file". NFKD
 * splits letters from their marks (and ligatures and full-width forms into plain letters), the
 * marks go, and letters that carry their "accent" inside (ß, ø, æ, œ, ł, đ, ı, þ) are spelled out.
 *
 * @example fold('Olá, MANHÃ') // 'ola, manha'
 */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßøæœłđıþ]/g, (c) => SPELLED[c]!);
}

const SPELLED: Record<string, string> = { ß: 'ss', ø: 'o', æ: 'ae', œ: 'oe', ł: 'l', đ: 'd', ı: 'i', þ: 'th' };

/** True when `query` (as typed) occurs in any of `texts`, folded. An empty query matches everything. */
export const foldedIncludes = (query: string, ...texts: string[]): boolean => {
  const q = fold(query.trim());
  return texts.some((t) => fold(t).includes(q));
};
