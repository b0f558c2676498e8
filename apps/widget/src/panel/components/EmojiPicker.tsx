import { useEffect, useRef, useState } from 'preact/hooks';
import { EMOJI, EMOJI_COLUMNS, nextEmojiIndex } from '../emoji-grid.ts';
import { useStrings } from '../i18n/use-strings.ts';

interface EmojiPickerProps {
  onPick(emoji: string): void;
}

/**
 * A compact emoji picker, hand-written because emoji libraries alone would outweigh the panel's
 * byte budget (see emoji-grid.ts). A disclosure button opens a grid with one tab stop (roving
 * tabindex); arrow keys, Home and End move, Enter or Space inserts (native buttons), Escape closes
 * and puts focus back on the button. The emoji themselves are the buttons' names: screen readers
 * speak emoji by their Unicode names, in the visitor's language.
 */
export function EmojiPicker({ onPick }: EmojiPickerProps) {
  const { t } = useStrings();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const toggle = useRef<HTMLButtonElement>(null);
  const cells = useRef<Array<HTMLButtonElement | null>>([]);

  // On opening: focus the grid's tab stop. Arrow keys move focus themselves (below), in the same
  // event, so fast typing never acts on a cell the visitor has already left.
  useEffect(() => {
    if (open) cells.current[active]?.focus();
  }, [open]);

  const close = (): void => {
    setOpen(false);
    toggle.current?.focus();
  };

  return (
    <div class="emoji">
      <button
        ref={toggle}
        type="button"
        class="icon-button emoji-toggle"
        aria-label={t.insertEmoji}
        aria-expanded={open}
        aria-controls="emoji-grid"
        onClick={() => setOpen(!open)}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true">
          <circle cx="12" cy="12" r="9" />
          <path d="M8.5 14.5a4.5 4.5 0 007 0M9 9.5h.01M15 9.5h.01" />
        </svg>
      </button>
      {open && (
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
              close();
              return;
            }
            const from = cells.current.indexOf(e.target as HTMLButtonElement);
            const next = nextEmojiIndex(e.key, from < 0 ? active : from, EMOJI.length);
            if (next === null) return;
            e.preventDefault();
            cells.current[next]?.focus();
            setActive(next);
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
                setActive(i);
                onPick(emoji);
                close();
              }}
            >
              {emoji}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
