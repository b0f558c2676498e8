import { useRef, useState } from 'preact/hooks';
import { useStrings } from '../i18n/use-strings.ts';

/**
 * "End chat", asked twice: a tap next to "Download transcript" must not end a conversation by
 * mistake (the visitor would lose the agent). The question replaces the button in place; focus
 * moves to its "End chat" and back to the first button when the visitor cancels.
 */
export function EndChat({ onEnd }: { onEnd(): void }) {
  const { t } = useStrings();
  const [asking, setAsking] = useState(false);
  // Focus follows the swap, but not on the first render (the visitor did not ask for it).
  const swapped = useRef(false);
  const focus = (el: HTMLButtonElement | null): void => void (el && swapped.current && el.focus());
  const ask = (next: boolean): void => {
    swapped.current = true;
    setAsking(next);
  };

  if (!asking) {
    return (
      <button type="button" class="link" ref={focus} onClick={() => ask(true)}>
        {t.endChat}
      </button>
    );
  }
  return (
    <span class="end-chat" role="group" aria-labelledby="end-chat-q">
      <span id="end-chat-q">{t.endChatConfirm}</span>
      <button
        type="button"
        class="link"
        ref={focus}
        onClick={() => {
          setAsking(false);
          onEnd();
        }}
      >
        {t.endChat}
      </button>
      <button type="button" class="link" onClick={() => ask(false)}>
        {t.cancel}
      </button>
    </span>
  );
}
