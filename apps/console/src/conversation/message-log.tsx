import { useLayoutEffect, useRef } from 'preact/hooks';
import type { ConversationNote, Message } from '@hearth/protocol';
import { clockTime, fullTime } from '../time/relative-time.ts';
import { seenSeq, type PendingReply } from './conversation-state.ts';
import { MessageText } from './message-text.tsx';

interface Props {
  messages: Message[];
  /** Internal notes, shown inline by time; agents only. */
  notes: ConversationNote[];
  pending: PendingReply[];
  visitorName: string;
  visitorReadSeq: number;
  onRetry: (clientId: string) => void;
  onDiscard: (clientId: string) => void;
}

/** Within this many pixels of the bottom, new messages keep the log scrolled to the end. */
const STICKY_PX = 80;

export function MessageLog({ messages, notes, pending, visitorName, visitorReadSeq, onRetry, onDiscard }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  const seen = seenSeq(messages, visitorReadSeq);

  useLayoutEffect(() => {
    const el = ref.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, [messages.length, pending.length, notes.length]);

  function onScroll() {
    const el = ref.current;
    if (el) stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < STICKY_PX;
  }

  const authorOf = (m: Message) =>
    m.authorType === 'visitor' ? (m.authorName ?? visitorName) : m.authorType === 'agent' ? (m.authorName ?? 'Agent') : 'Hearth';

  return (
    // role=log is not allowed on a list (axe): the scrolling log wraps the list of messages.
    <div class="log" role="log" aria-label="Messages" ref={ref} onScroll={onScroll} tabIndex={0}>
      <ol class="log-list">
      {messages.length === 0 && pending.length === 0 && notes.length === 0 && <li class="log-empty">No messages yet.</li>}
      {messages.map((m, i) => {
        const previous = messages[i - 1];
        const showAuthor = !previous || previous.authorType !== m.authorType || previous.authorId !== m.authorId;
        return [
          ...notesBefore(notes, previous?.createdAt ?? -Infinity, m.createdAt).map((n) => <NoteItem key={n.id} note={n} />),
          <li key={m.id} class={`msg msg--${m.authorType}${showAuthor ? ' msg--first' : ''}`}>
            {showAuthor && m.authorType !== 'system' && <span class="msg-author" dir="auto">{authorOf(m)}</span>}
            {/* dir="auto": a Hebrew or Arabic message reads right to left, its "?" on the left. */}
            <div class="bubble" dir="auto">
              <MessageText body={m.body} />
            </div>
            <span class="msg-meta">
              <time dateTime={new Date(m.createdAt).toISOString()} title={fullTime(m.createdAt)}>
                {clockTime(m.createdAt)}
              </time>
              {m.seq === seen && <span class="seen"> · Seen</span>}
            </span>
          </li>,
        ];
      })}
      {notesBefore(notes, messages[messages.length - 1]?.createdAt ?? -Infinity, Infinity).map((n) => (
        <NoteItem key={n.id} note={n} />
      ))}
      {pending.map((p) => (
        <li key={p.clientId} class={`msg msg--agent msg--pending${p.error ? ' msg--failed' : ''}`}>
          <div class="bubble" dir="auto">
            <MessageText body={p.body} />
          </div>
          <span class="msg-meta">
            {p.error ? (
              <>
                <span class="msg-error">Not sent: {p.error}</span>{' '}
                <button type="button" class="link-button" onClick={() => onRetry(p.clientId)}>
                  Retry
                </button>{' '}
                <button type="button" class="link-button" onClick={() => onDiscard(p.clientId)}>
                  Discard
                </button>
              </>
            ) : (
              'Sending…'
            )}
          </span>
        </li>
      ))}
      </ol>
    </div>
  );
}

/** Notes written after `after` and up to `until`: they sit between those two messages. */
function notesBefore(notes: ConversationNote[], after: number, until: number): ConversationNote[] {
  return notes.filter((n) => n.createdAt >= after && n.createdAt < until);
}

function NoteItem({ note }: { note: ConversationNote }) {
  return (
    <li class="msg msg--note msg--first">
      <span class="msg-author">
        <span class="note-label">Internal note</span> · <bdi>{note.authorName}</bdi>
      </span>
      <div class="bubble bubble--note" dir="auto">
        <MessageText body={note.body} />
      </div>
      <span class="msg-meta">
        <time dateTime={new Date(note.createdAt).toISOString()} title={fullTime(note.createdAt)}>
          {clockTime(note.createdAt)}
        </time>
      </span>
    </li>
  );
}
