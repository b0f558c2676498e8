import { useLayoutEffect, useRef } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import type { Message } from '@hearth/protocol';
import type { PendingItem } from '../chat-state.ts';
import { MessageText } from './MessageText.tsx';

interface MessageListProps {
  messages: Message[];
  pending: PendingItem[];
  /** Seq of the visitor message that shows "Seen", or null. */
  seenSeq: number | null;
  closed: boolean;
  /** Shown after the messages: the CSAT question of a closed conversation. */
  children?: ComponentChildren;
}

const time = (ms: number): string => new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

const PENDING_TEXT: Record<PendingItem['status'], string> = {
  sending: 'Sending…',
  queued: 'Waiting to send…',
  failed: 'Not sent',
};

export function MessageList({ messages, pending, seenSeq, closed, children }: MessageListProps) {
  const ref = useRef<HTMLDivElement>(null);
  const count = messages.length + pending.length;
  // Keep the newest message in view as messages arrive or are sent.
  useLayoutEffect(() => {
    const el = ref.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [count, closed]);

  return (
    <div class="messages" ref={ref} role="log" aria-live="polite" aria-label="Messages">
      {count === 0 && <p class="intro">Hi there! Ask us anything — we'll reply right here.</p>}
      {[
        ...messages.map((m, i) => {
          const previous = messages[i - 1];
          // The agent's name heads each run of their messages, not every bubble.
          const named = m.authorType === 'agent' && (previous?.authorType !== 'agent' || previous.authorId !== m.authorId);
          return (
            // Visitor messages are keyed by clientId (unique for this visitor) to match their pending
            // bubble; agents' clientIds are only unique per agent, so theirs use seq.
            <div key={m.authorType === 'visitor' ? `visitor:${m.clientId}` : `seq:${m.seq}`} class={`message ${m.authorType}`}>
              {named && <span class="author">{m.authorName || 'Agent'}</span>}
              <p class="bubble" title={time(m.createdAt)}>
                <MessageText body={m.body} />
              </p>
              {m.seq === seenSeq && <span class="receipt">Seen</span>}
            </div>
          );
        }),
        // Same array and key as the delivered message, so a pending bubble turns into it in place.
        ...pending.map((p) => (
          <div key={`visitor:${p.clientId}`} class={`message visitor pending ${p.status}`}>
            <p class="bubble">
              <MessageText body={p.body} />
            </p>
            <span class="receipt">{p.error ? `${PENDING_TEXT[p.status]}: ${p.error}` : PENDING_TEXT[p.status]}</span>
          </div>
        )),
      ]}
      {closed && <p class="intro">This conversation has ended. Send a message to start a new one.</p>}
      {children}
    </div>
  );
}
