import { useState } from 'preact/hooks';
import { MESSAGE_BODY_MAX } from './message-limits.ts';

interface Props {
  disabled: boolean;
  disabledReason: string | null;
  onInput: () => void;
  onSend: (body: string) => void;
}

/** Reply box: Enter sends, Shift+Enter adds a line; IME composition is never interrupted. */
export function Composer({ disabled, disabledReason, onInput, onSend }: Props) {
  const [draft, setDraft] = useState('');
  const canSend = !disabled && draft.trim().length > 0;

  function send() {
    if (!canSend) return;
    onSend(draft);
    setDraft('');
  }

  return (
    <form
      class="composer"
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      <label for="reply" class="visually-hidden">
        Reply
      </label>
      <textarea
        id="reply"
        rows={3}
        maxLength={MESSAGE_BODY_MAX}
        placeholder={disabledReason ?? 'Write a reply… (Enter to send, Shift+Enter for a new line)'}
        disabled={disabled}
        value={draft}
        onInput={(e) => {
          setDraft(e.currentTarget.value);
          if (e.currentTarget.value) onInput();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
            e.preventDefault();
            send();
          }
        }}
      />
      <button type="submit" class="button button--primary" disabled={!canSend}>
        Send
      </button>
    </form>
  );
}
