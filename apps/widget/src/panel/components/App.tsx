import { useEffect, useState } from 'preact/hooks';
import type { ChatController, ChatView } from '../chat-view.ts';
import { seenSeq } from '../chat-state.ts';
import { Composer } from './Composer.tsx';
import { Header } from './Header.tsx';
import { MessageList } from './MessageList.tsx';
import { CsatCard } from './CsatCard.tsx';

function useChatView(controller: ChatController): ChatView {
  const [view, setView] = useState(controller.view());
  useEffect(() => controller.subscribe(setView), [controller]);
  return view;
}

function notice(view: ChatView): string | null {
  if (view.phase === 'unavailable') return 'Chat is unavailable right now. Please try again later.';
  if (view.phase === 'loading') return 'Connecting…';
  return view.connected ? null : 'Reconnecting…';
}

export function App({ controller }: { controller: ChatController }) {
  const view = useChatView(controller);
  const { conversation, messages } = view.timeline;
  const status = notice(view);

  useEffect(() => {
    // Escape inside the frame never reaches the host page's listeners, so the panel asks the loader to close.
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') controller.close();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [controller]);

  return (
    <main class="chat">
      <Header siteName={view.siteName} agentsOnline={view.agentsOnline} onClose={controller.close} />
      {status && <p class="notice">{status}</p>}
      <MessageList
        messages={messages}
        pending={view.pending}
        seenSeq={conversation ? seenSeq(messages, conversation.agentReadSeq) : null}
        closed={conversation?.status === 'closed'}
      >
        {conversation?.csat && !view.csatSkipped && (
          <CsatCard key={conversation.id} prompt={conversation.csat} onRate={controller.rate} onSkip={controller.skipCsat} />
        )}
      </MessageList>
      {conversation && (
        <div class="chat-tools">
          <button type="button" class="link" onClick={controller.downloadTranscript}>
            Download transcript
          </button>
          {conversation.status === 'open' && (
            <button type="button" class="link" onClick={controller.endChat}>
              End chat
            </button>
          )}
        </div>
      )}
      <p class="typing" role="status" aria-live="polite">
        {view.typing ? `${view.typing} is typing…` : ''}
      </p>
      <Composer
        disabled={view.phase === 'unavailable'}
        focusRequest={view.focusRequest}
        onSend={controller.send}
        onDraft={controller.draftChanged}
      />
    </main>
  );
}
