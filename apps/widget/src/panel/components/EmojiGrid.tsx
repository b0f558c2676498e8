import { useEffect, useRef } from 'preact/hooks';
import { EMOJI, EMOJI_COLUMNS, nextEmojiIndex } from '../emoji-grid.ts';
import { useStrings } from '../i18n/use-strings.ts';

export interface EmojiGridProps {
  /** The grid's one tab stop (remembered between openings by the picker). */
  active: number;
  onActive(index: number): void;
  onPick(emoji: string): void;
  /** Closes the grid and puts focus back on the picker's button. */
  onClose(): void;
}

/**
 * The picker's grid, a chunk of its own (fetched when the picker first opens): one tab stop (roving
 * tabindex); arrow keys, Home and End move, Enter or Space inserts (native buttons), Escape closes.
 * The emoji themselves are the buttons' names: screen readers speak emoji by their Unicode names,
 * in the visitor's language.
 */
export function EmojiGrid({ active, onActive, onPick, onClose }: EmojiGridProps) {
  const { t } = useStrings();
  const cells = useRef<Array<HTMLButtonElement | null>>([]);

  // On opening: focus the grid's tab stop. Arrow keys move focus themselves (below), in the same
  // event, so fast typing never acts on a cell the visitor has already left.
  useEffect(() => {
    cells.current[active]?.focus();
  }, []);

  return (
    <div
      id="emoji-grid"
      class="emoji-grid"
      role="group"
      aria-label={t.emoji}
      style={{ gridTemplateColumns: `repeat(${EMOJI_COLUMNS}, 1fr)` }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          // The panel's own Escape would close the whole chat: this one only closes the picker.
          e.stopPropagation();
          onClose();
          return;
        }
        const from = cells.current.indexOf(e.target as HTMLButtonElement);
        const next = nextEmojiIndex(e.key, from < 0 ? active : from, EMOJI.length);
        if (next === null) return;
        e.preventDefault();
        cells.current[next]?.focus();
        onActive(next);
      }}
    >
      {EMOJI.map((emoji, i) => (
        <button
          key={emoji}
          ref={(el) => {
            cells.current[i] = el;
          }}
          type="button"
          tabIndex={i === active ? 0 : -1}
          onClick={() => {
            onActive(i);
            onPick(emoji);
            onClose();
          }}
        >
          {emoji}
        </button>
      ))}
    </div>
  );
}
