import { useEffect, useRef, useState } from 'preact/hooks';
import type { CannedReply } from '@hearth/protocol';
import { hasVisibleText } from '@hearth/chat-client';
import { MESSAGE_BODY_MAX } from './message-limits.ts';
import { insertReply, matchCanned, slashTokenAt } from './canned-query.ts';
import { CannedPicker } from './canned-picker.tsx';
import type { Draft } from './drafts.ts';

interface Props {
  disabled: boolean;
  disabledReason: string | null;
  onInput: () => void;
  onSend: (body: string) => void;
  /** Saves an internal note; resolves false when it was refused (the draft stays). */
  onNote: (body: string) => Promise<boolean>;
  replies: CannedReply[];
  /** The reply's text with this conversation's placeholders filled. */
  fill: (text: string) => string;
  /** What was typed here before (another conversation was open, the tab reloaded), and where to keep it. */
  initialDraft: Draft | null;
  onDraft: (draft: Draft) => void;
}

type Mode = 'reply' | 'note';
const LIST_ID = 'canned-list';

/**
 * Reply box: Enter sends, Shift+Enter adds a line; IME composition is never interrupted. Typing `/`
 * at the start of a word opens the canned replies (an ARIA combobox: arrows move, Enter or Tab
 * inserts the filled text, Escape closes). The textarea is the textbox that controls the listbox. The Note tab writes internal notes instead.
 */
export function Composer({ disabled, disabledReason, onInput, onSend, onNote, replies, fill, initialDraft, onDraft }: Props) {
  const [draft, setDraft] = useState(initialDraft?.text ?? '');
  const [mode, setMode] = useState<Mode>(initialDraft?.mode ?? 'reply');
  useEffect(() => onDraft({ text: draft, mode }), [draft, mode]);
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const [saving, setSaving] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  // Nothing visible (spaces, zero-width spaces, U+2800 …) is nothing to send: the server refuses it too.
  const canSend = !disabled && !saving && hasVisibleText(draft);

  const token = slashTokenAt(draft, caret);
  const open = token !== null && dismissedAt !== token.start && !disabled;
  const matches = open ? matchCanned(replies, token.query) : [];
  const activeIndex = Math.min(active, Math.max(0, matches.length - 1));

  function send() {
    // An open `/word` with no matching reply is a search that found nothing, not a message: it is
    // sent only once the agent closed the list (Escape), so "/sh" never reaches a visitor by accident.
    if (!canSend || (open && matches.length === 0)) return;
    if (mode === 'note') {
      setSaving(true);
      void onNote(draft).then((ok) => {
        setSaving(false);
        if (ok) setDraft('');
      });
      return;
    }
    onSend(draft);
    setDraft('');
  }

  function pick(reply: CannedReply) {
    if (!token) return;
    const next = insertReply(draft, token, fill(reply.text));
    setDraft(next.text);
    setCaret(next.caret);
    setActive(0);
    requestAnimationFrame(() => {
      area.current?.focus();
      area.current?.setSelectionRange(next.caret, next.caret);
    });
    onInput();
  }

  function onKeyDown(e: KeyboardEvent) {
    if (open && matches.length > 0) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        setActive((activeIndex + (e.key === 'ArrowDown' ? 1 : matches.length - 1)) % matches.length);
        return;
      }
      if ((e.key === 'Enter' || e.key === 'Tab') && !e.isComposing && !e.shiftKey) {
        e.preventDefault();
        pick(matches[activeIndex]!);
        return;
      }
    }
    if (open && e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      setDismissedAt(token.start);
      return;
    }
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      send();
    }
  }

  const note = mode === 'note';
  return (
    <form
      class={`composer${note ? ' composer--note' : ''}`}
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      <div class="composer-modes" role="radiogroup" aria-label="Write">
        {(['reply', 'note'] as const).map((m) => (
          <button key={m} type="button" role="radio" aria-checked={mode === m} class={`composer-mode${mode === m ? ' composer-mode--on' : ''}`} onClick={() => setMode(m)}>
            {m === 'reply' ? 'Reply' : 'Internal note'}
          </button>
        ))}
      </div>
      <div class="composer-box">
        {open && <CannedPicker id={LIST_ID} matches={matches} active={activeIndex} onPick={pick} />}
        <label for="reply" class="visually-hidden">
          {note ? 'Internal note (only agents see it)' : 'Reply'}
        </label>
        <textarea
          id="reply"
          ref={area}
          rows={3}
          // Follows what is typed: Hebrew or Arabic turns the box right to left.
          dir="auto"
          maxLength={MESSAGE_BODY_MAX}
          // A textarea may not take role="combobox" (axe: aria-allowed-role): it stays a textbox that
          // autocompletes from a listbox, with the active option named by aria-activedescendant.
          aria-autocomplete="list"
          aria-controls={open ? LIST_ID : undefined}
          aria-activedescendant={open && matches.length > 0 ? `${LIST_ID}-${activeIndex}` : undefined}
          placeholder={disabledReason ?? (note ? 'Internal note — only agents see it' : 'Write a reply… (Enter to send, / for canned replies)')}
          disabled={disabled}
          value={draft}
          onInput={(e) => {
            const el = e.currentTarget;
            setDraft(el.value);
            setCaret(el.selectionStart ?? el.value.length);
            setActive(0);
            if (el.value && !note) onInput();
          }}
          onKeyUp={(e) => setCaret(e.currentTarget.selectionStart ?? 0)}
          onClick={(e) => setCaret(e.currentTarget.selectionStart ?? 0)}
          onKeyDown={onKeyDown}
        />
      </div>
      <button type="submit" class={`button ${note ? 'button--note' : 'button--primary'}`} disabled={!canSend}>
        {note ? 'Add note' : 'Send'}
      </button>
    </form>
  );
}
