import type { CannedReply } from '@hearth/protocol';
import { fold } from '@hearth/chat-client';

/**
 * The `/query` token the caret is in, if any: a slash at the start of the text or after a space
 * or a newline, followed by letters (any script, with their accents), digits or dashes up to the
 * caret: `/olá` keeps the picker open, and finds "Olá, tudo bem?" by its title.
 *
 * @example slashTokenAt('Thanks! /ref', 12) // { start: 8, query: 'ref' }
 */
export function slashTokenAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const match = /(^|\s)\/([\p{L}\p{M}\p{N}-]{0,32})$/u.exec(before);
  if (!match) return null;
  const start = before.length - match[2]!.length - 1;
  return { start, query: match[2]!.toLowerCase() };
}

/**
 * Replies matching the query, case and accents ignored (`fold`): shortcut prefix first, then title
 * or shortcut containing it; personal before site-wide.
 */
export function matchCanned(replies: readonly CannedReply[], query: string, limit = 8): CannedReply[] {
  const q = fold(query);
  const rank = (r: CannedReply) => {
    const shortcut = fold(r.shortcut);
    return shortcut.startsWith(q) ? 0 : shortcut.includes(q) || fold(r.title).includes(q) ? 1 : 2;
  };
  return replies
    .filter((r) => rank(r) < 2)
    .sort((a, b) => rank(a) - rank(b) || Number(a.scope === 'site') - Number(b.scope === 'site') || a.shortcut.localeCompare(b.shortcut))
    .slice(0, limit);
}

/** The text with the token replaced by the filled reply, and where the caret goes after it. */
export function insertReply(text: string, token: { start: number; query: string }, filled: string): { text: string; caret: number } {
  const end = token.start + 1 + token.query.length;
  const next = text.slice(0, token.start) + filled + text.slice(end);
  return { text: next, caret: token.start + filled.length };
}
