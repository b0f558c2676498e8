import { useRef, useState } from 'preact/hooks';
import { useStrings } from '../i18n/use-strings.ts';
import { lazyComponent } from '../lazy-component.ts';
import type { EmojiGridProps } from './EmojiGrid.tsx';

// Most visitors never open the picker: its grid is fetched on the first opening (or when the
// pointer or focus reaches the button, a moment before the click).
const grid = lazyComponent<EmojiGridProps>(() => import('./EmojiGrid.tsx').then((m) => m.EmojiGrid));

interface EmojiPickerProps {
  onPick(emoji: string): void;
}

/**
 * A compact emoji picker, hand-written because emoji libraries alone would outweigh the panel's
 * byte budget (see emoji-grid.ts): a disclosure button that opens the grid (EmojiGrid.tsx).
 */
export function EmojiPicker({ onPick }: EmojiPickerProps) {
  const { t } = useStrings();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const toggle = useRef<HTMLButtonElement>(null);

  const close = (): void => {
    setOpen(false);
    toggle.current?.focus();
  };

  return (
    // Escape while the picker is open closes only the picker, wherever focus is in it: on the grid,
    // on its button, or still on the button while the grid's chunk is arriving.
    <div
      class="emoji"
      onKeyDown={(e) => {
        if (open && e.key === 'Escape') {
          e.stopPropagation();
          close();
        }
      }}
    >
      <button
        ref={toggle}
        type="button"
        class="icon-button emoji-toggle"
        aria-label={t.insertEmoji}
        aria-expanded={open}
        aria-controls="emoji-grid"
        onPointerEnter={grid.preload}
        onFocus={grid.preload}
        onClick={() => setOpen(!open)}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true">
          <circle cx="12" cy="12" r="9" />
          <path d="M8.5 14.5a4.5 4.5 0 007 0M9 9.5h.01M15 9.5h.01" />
        </svg>
      </button>
      {open && <grid.Component active={active} onActive={setActive} onPick={onPick} onClose={close} />}
    </div>
  );
}
