import { useEffect, useState } from 'preact/hooks';
import type { ChatController, ChatView } from '../chat-view.ts';
import { routingText, seenSeq, showsOfflineForm } from '../chat-state.ts';
import { Composer } from './Composer.tsx';
import { Header } from './Header.tsx';
import { MessageList } from './MessageList.tsx';
import { OfflineForm } from './OfflineForm.tsx';
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
  const [leftMessage, setLeftMessage] = useState(false);
  const offline = view.phase === 'ready' && showsOfflineForm(view.agentsOnline, conversation) && view.pending.length === 0;
  const starting = conversation?.status !== 'open';

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
      {/* Polite: a new place in line is worth hearing, but never worth interrupting the visitor. */}
      <p class="routing" role="status" aria-live="polite">
        {routingText(conversation) ?? ''}
      </p>
      {leftMessage && !offline && <p class="confirm">Thanks — we'll reply by email or here when we're back.</p>}
      {offline ? (
        <OfflineForm
          onSend={(body) => {
            setLeftMessage(true);
            controller.send(body);
          }}
        />
      ) : (
        <>
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
          {starting && view.departments.length > 0 && (
            <div class="topic">
              <label for="topic">Topic</label>
              <select id="topic" value={view.topic} onChange={(e) => controller.setTopic(e.currentTarget.value)}>
                <option value="">Anything</option>
                {view.departments.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          <Composer
            disabled={view.phase === 'unavailable'}
            focusRequest={view.focusRequest}
            onSend={controller.send}
            onDraft={controller.draftChanged}
          />
        </>
      )}
    </main>
  );
}
