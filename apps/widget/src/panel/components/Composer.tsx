import { useEffect, useRef, useState } from 'preact/hooks';
import type { MESSAGE_BODY_MAX } from '@hearth/protocol';
import { hasVisibleText } from '@hearth/chat-client';
import { insertAt } from '../caret-insert.ts';
import { useStrings } from '../i18n/use-strings.ts';
import { EmojiPicker } from './EmojiPicker.tsx';

// The protocol's limit, spelled out so the zod-backed module stays out of the bundle; `typeof` keeps them equal.
const MAX_LENGTH: typeof MESSAGE_BODY_MAX = 5000;

interface ComposerProps {
  disabled: boolean;
  /** Bumped by the parent to move focus here. */
  focusRequest: number;
  onSend(body: string): void;
  onDraft(draft: string): void;
}

export function Composer({ disabled, focusRequest, onSend, onDraft }: ComposerProps) {
  const { t } = useStrings();
  const [draft, setDraft] = useState('');
  const input = useRef<HTMLTextAreaElement>(null);
  // Where the caret was when focus left for the emoji picker.
  const caret = useRef({ start: 0, end: 0 });

  useEffect(() => {
    if (focusRequest > 0) input.current?.focus();
  }, [focusRequest]);

  // Grow with the text up to the CSS max-height, then scroll.
  useEffect(() => {
    const el = input.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${el.scrollHeight}px`;
  }, [draft]);

  const change = (value: string): void => {
    setDraft(value);
    onDraft(value);
  };

  const submit = (): void => {
    // Zero-width spaces or a Braille blank alone would be an empty bubble: the server refuses them too.
    if (disabled || !hasVisibleText(draft)) return;
    onSend(draft);
    setDraft('');
  };

  const insertEmoji = (emoji: string): void => {
    const { value, caret: at } = insertAt(draft, emoji, caret.current.start, caret.current.end);
    change(value.slice(0, MAX_LENGTH));
    caret.current = { start: at, end: at };
    // After the picker returned focus to its button: the visitor goes on typing where they were.
    requestAnimationFrame(() => {
      input.current?.focus();
      input.current?.setSelectionRange(at, at);
    });
  };

  return (
    <form
      class="composer"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <textarea
        ref={input}
        aria-label={t.message}
        placeholder={t.messagePlaceholder}
        rows={1}
        // Follows what is typed: Hebrew or Arabic turns the box right to left.
        dir="auto"
        maxLength={MAX_LENGTH}
        value={draft}
        disabled={disabled}
        onBlur={(e) => (caret.current = { start: e.currentTarget.selectionStart, end: e.currentTarget.selectionEnd })}
        onInput={(e) => change(e.currentTarget.value)}
        onKeyDown={(e) => {
          // Enter sends, Shift+Enter is a newline; never while an IME is composing a character.
          if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
            e.preventDefault();
            submit();
          }
        }}
      />
      <EmojiPicker onPick={insertEmoji} />
      <button type="submit" class="send" aria-label={t.send} disabled={disabled}>
        <svg viewBox="0 0 24 24" aria-hidden="true">
          <path d="M5 12h13M12 5l7 7-7 7" />
        </svg>
      </button>
    </form>
  );
}
