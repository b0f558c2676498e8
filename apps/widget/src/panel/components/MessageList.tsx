import { useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import type { Message } from '@hearth/protocol';
import type { PendingItem } from '../chat-state.ts';
import { format } from '../i18n/strings.ts';
import { useStrings } from '../i18n/use-strings.ts';
import { MessageText } from './MessageText.tsx';

interface MessageListProps {
  messages: Message[];
  pending: PendingItem[];
  /** Seq of the visitor message that shows "Seen", or null. */
  seenSeq: number | null;
  closed: boolean;
  /** Shown at the top of an empty chat. */
  greeting: string;
  /** What heads an agent's messages: their name, or the site's when the site hides its agents. */
  agentLabel(m: Message): string;
  /** Shown after the messages: the CSAT question of a closed conversation. */
  children?: ComponentChildren;
}

export function MessageList({ messages, pending, seenSeq, closed, greeting, agentLabel, children }: MessageListProps) {
  const { t, locale } = useStrings();
  const ref = useRef<HTMLDivElement>(null);
  const time = useMemo(() => new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }), [locale]);
  const count = messages.length + pending.length;
  // Keep the newest message in view as messages arrive or are sent.
  useLayoutEffect(() => {
    const el = ref.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [count, closed]);

  return (
    // A log, but not live: new agent messages are announced once each by the Announcer, and the
    // history a reload brings back is never read out.
    <div class="messages" ref={ref} role="log" aria-live="off" aria-label={t.messages} tabIndex={0}>
      {count === 0 && <p class="intro" dir="auto">{greeting}</p>}
      {[
        ...messages.map((m, i) => {
          const previous = messages[i - 1];
          // The agent's name heads each run of their messages, not every bubble.
          const named = m.authorType === 'agent' && (previous?.authorType !== 'agent' || previous.authorId !== m.authorId);
          return (
            // Visitor messages are keyed by clientId (unique for this visitor) to match their pending
            // bubble; agents' clientIds are only unique per agent, so theirs use seq.
            <div key={m.authorType === 'visitor' ? `visitor:${m.clientId}` : `seq:${m.seq}`} class={`message ${m.authorType}`}>
              {named && <span class="author" dir="auto">{agentLabel(m)}</span>}
              {/* dir="auto": a Hebrew or Arabic message reads right to left, its "?" on the left. */}
              <p class="bubble" dir="auto" title={time.format(m.createdAt)}>
                <MessageText body={m.body} />
              </p>
              {m.seq === seenSeq && <span class="receipt">{t.seen}</span>}
            </div>
          );
        }),
        // Same array and key as the delivered message, so a pending bubble turns into it in place.
        ...pending.map((p) => (
          <div key={`visitor:${p.clientId}`} class={`message visitor pending ${p.status}`}>
            <p class="bubble" dir="auto">
              <MessageText body={p.body} />
            </p>
            <span class="receipt">{p.error ? format(t.pendingError, { status: t[p.status], error: p.error }) : t[p.status]}</span>
          </div>
        )),
      ]}
      {closed && <p class="intro">{t.ended}</p>}
      {children}
    </div>
  );
}
