import type { CannedReply } from '@hearth/protocol';

interface Props {
  id: string;
  matches: CannedReply[];
  active: number;
  onPick: (reply: CannedReply) => void;
}

/** The listbox the composer (the combobox) controls while a `/shortcut` is typed. */
export function CannedPicker({ id, matches, active, onPick }: Props) {
  return (
    <ul id={id} class="canned-list" role="listbox" aria-label="Canned replies">
      {matches.length === 0 && (
        <li class="canned-empty" role="option" aria-disabled="true" aria-selected="false">
          No matching canned reply — Escape to write it as text
        </li>
      )}
      {matches.map((r, i) => (
        <li
          key={r.id}
          id={`${id}-${i}`}
          role="option"
          aria-selected={i === active}
          class={`canned-option${i === active ? ' canned-option--active' : ''}`}
          // mousedown, not click: the textarea keeps focus (and its caret).
          onMouseDown={(e) => {
            e.preventDefault();
            onPick(r);
          }}
        >
          <span class="canned-shortcut">/{r.shortcut}</span>
          <span class="canned-title" dir="auto">{r.title}</span>
          {r.scope === 'personal' && <span class="chip">Mine</span>}
        </li>
      ))}
    </ul>
  );
}
