/**
 * Initials and a stable circle color for an agent without an avatar picture. The palette's colors
 * all take white text at AA (agent-avatar.test.ts), so the initials are readable on any of them.
 */
const PALETTE = ['#4338ca', '#0f766e', '#b45309', '#be123c', '#6d28d9', '#1d4ed8', '#15803d', '#a21caf'];

/** @example initialsOf('Ada Lovelace') // 'AL' */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = [...(words[0] ?? '')][0] ?? '';
  const last = words.length > 1 ? ([...words[words.length - 1]!][0] ?? '') : '';
  return (first + last).toUpperCase();
}

/** The same name always gets the same color. */
export function avatarColor(name: string): string {
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + ch.codePointAt(0)!) >>> 0;
  return PALETTE[hash % PALETTE.length]!;
}

export { PALETTE as AVATAR_PALETTE };
