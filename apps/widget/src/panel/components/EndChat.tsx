import { useState } from 'preact/hooks';
import { useStrings } from '../i18n/use-strings.ts';

/**
 * "End chat", asked twice: a tap next to "Download transcript" must not end a conversation by
 * mistake (the visitor would lose the agent). The question replaces the button in place.
 */
export function EndChat({ onEnd }: { onEnd(): void }) {
  const { t } = useStrings();
  const [asking, setAsking] = useState(false);
  const ask = setAsking;

  if (!asking) {
    return (
      <button type="button" class="link" onClick={() => ask(true)}>
        {t.endChat}
      </button>
    );
  }
  return (
    <span class="chat-tools" role="group" aria-labelledby="end-chat-q">
      <span id="end-chat-q">{t.endChatConfirm}</span>
      <button
        type="button"
        class="link"
       
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
