/**
 * The console's keyboard shortcuts, as data: the help dialog renders this table and the key
 * handler matches against it, so the two cannot disagree. Single letters only act when the agent
 * is not typing; Alt combinations work everywhere (they type nothing on their own).
 *
 * @example shortcutFor({ key: 'j', altKey: false, ... }, false) // 'next-conversation'
 */
export type ShortcutAction = 'next-conversation' | 'previous-conversation' | 'close-conversation' | 'focus-composer' | 'canned-replies' | 'show-help';

export interface Shortcut {
  action: ShortcutAction;
  /** As shown in the help, one entry per alternative. */
  keys: string[];
  description: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { action: 'next-conversation', keys: ['J', 'Alt+↓'], description: 'Next conversation' },
  { action: 'previous-conversation', keys: ['K', 'Alt+↑'], description: 'Previous conversation' },
  { action: 'focus-composer', keys: ['R', 'Alt+R'], description: 'Write a reply' },
  { action: 'canned-replies', keys: ['/', 'Alt+/'], description: 'Insert a canned reply' },
  { action: 'close-conversation', keys: ['Alt+X'], description: 'Close the conversation' },
  { action: 'show-help', keys: ['?'], description: 'Show keyboard shortcuts' },
];

export interface KeyLike {
  key: string;
  code: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

/** The action a key press asks for; `typing` is true in a text field (letters then type, not act). */
export function shortcutFor(e: KeyLike, typing: boolean): ShortcutAction | null {
  if (e.ctrlKey || e.metaKey) return null;
  if (e.altKey) {
    // By code: on macOS Option+letter produces another character (Option+X is "≈").
    if (e.key === 'ArrowDown') return 'next-conversation';
    if (e.key === 'ArrowUp') return 'previous-conversation';
    if (e.code === 'KeyX') return 'close-conversation';
    if (e.code === 'KeyR') return 'focus-composer';
    if (e.code === 'Slash') return 'canned-replies';
    return null;
  }
  if (typing) return null;
  switch (e.key) {
    case 'j':
    case 'J':
      return e.shiftKey ? null : 'next-conversation';
    case 'k':
    case 'K':
      return e.shiftKey ? null : 'previous-conversation';
    case 'r':
      return 'focus-composer';
    case '/':
      return 'canned-replies';
    case '?':
      return 'show-help';
    default:
      return null;
  }
}

/** The id next to `current` in the visible order (wrapping at neither end), or the first one. */
export function neighbour(ids: readonly string[], current: string | null, step: 1 | -1): string | null {
  if (ids.length === 0) return null;
  const index = current === null ? -1 : ids.indexOf(current);
  if (index === -1) return step === 1 ? ids[0]! : ids[ids.length - 1]!;
  return ids[Math.min(ids.length - 1, Math.max(0, index + step))]!;
}
