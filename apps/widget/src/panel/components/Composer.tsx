import { useEffect, useRef, useState } from 'preact/hooks';
import type { MESSAGE_BODY_MAX } from '@hearth/protocol';

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
  const [draft, setDraft] = useState('');
  const input = useRef<HTMLTextAreaElement>(null);

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

  const submit = (): void => {
    if (disabled || !draft.trim()) return;
    onSend(draft);
    setDraft('');
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
        aria-label="Message"
        placeholder="Write a message…"
        rows={1}
        maxLength={MAX_LENGTH}
        value={draft}
        disabled={disabled}
        onInput={(e) => {
          const value = e.currentTarget.value;
          setDraft(value);
          onDraft(value);
        }}
        onKeyDown={(e) => {
          // Enter sends, Shift+Enter is a newline; never while an IME is composing a character.
          if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
            e.preventDefault();
            submit();
          }
        }}
      />
      <button type="submit" class="send" aria-label="Send" disabled={disabled}>
        <svg viewBox="0 0 24 24" aria-hidden="true">
          <path d="M5 12h13M12 5l7 7-7 7" />
        </svg>
      </button>
    </form>
  );
}
