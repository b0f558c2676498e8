import { useEffect, useRef, useState } from 'preact/hooks';
import { useStrings } from '../i18n/use-strings.ts';

/**
 * "End chat", asked twice: a tap next to "Download transcript" must not end a conversation by
 * mistake (the visitor would lose the agent). The question replaces the button in place; focus
 * moves to its answer and returns to "End chat" when the visitor keeps chatting.
 */
export function EndChat({ onEnd }: { onEnd(): void }) {
  const { t } = useStrings();
  const [asking, setAsking] = useState(false);
  const yes = useRef<HTMLButtonElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const moved = useRef(false);
  useEffect(() => {
    if (!moved.current) return;
    (asking ? yes : button).current?.focus();
  }, [asking]);
  const ask = (next: boolean): void => {
    moved.current = true;
    setAsking(next);
  };

  if (!asking) {
    return (
      <button type="button" class="link" ref={button} onClick={() => ask(true)}>
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
        ref={yes}
        onClick={() => {
          setAsking(false);
          onEnd();
        }}
      >
        {t.endChatYes}
      </button>
      <button type="button" class="link" onClick={() => ask(false)}>
        {t.keepChatting}
      </button>
    </span>
  );
}
