import { useEffect, useRef, useState } from 'preact/hooks';
import type { ConversationSummary, Label, SiteId } from '@hearth/protocol';
import { foldedIncludes } from '@hearth/chat-client';
import { deskApi } from '../canned/desk-api.ts';

interface Props {
  conversation: ConversationSummary;
  /** Every label of the conversation's site. */
  siteLabels: Label[];
  disabled: boolean;
  onSet: (labelId: string, on: boolean) => void;
  onCreated: () => void;
}

export function LabelChip({ label, onRemove }: { label: { name: string; color: string }; onRemove?: () => void }) {
  return (
    <span class="label-chip" style={{ '--label-color': label.color }} title={label.name}>
      <span class="label-dot" aria-hidden="true" />
      <bdi class="label-name">{label.name}</bdi>
      {onRemove && (
        <button type="button" class="label-remove" aria-label={`Remove label ${label.name}`} onClick={onRemove}>
          ×
        </button>
      )}
    </span>
  );
}

/** The conversation's labels with remove buttons, and a menu to add one (or create it). */
export function LabelMenu({ conversation, siteLabels, disabled, onSet, onCreated }: Props) {
  const [name, setName] = useState('');
  const [color, setColor] = useState('#4f46e5');
  const [error, setError] = useState<string | null>(null);
  const applied = conversation.labels ?? [];
  // The name field doubles as the menu's filter: typing "acoes" narrows it to "Ações urgentes".
  const available = siteLabels.filter((l) => !applied.some((a) => a.id === l.id) && foldedIncludes(name, l.name));
  const menu = useRef<HTMLDetailsElement>(null);

  // A <details> popover closes only on its summary by itself: also close it on Escape (focus back on
  // "+ Label"), on a pick, and on a click anywhere else, as a menu does.
  const closeMenu = (refocus: boolean): void => {
    if (!menu.current?.open) return;
    menu.current.open = false;
    if (refocus) menu.current.querySelector('summary')?.focus();
  };
  useEffect(() => {
    const outside = (e: PointerEvent): void => {
      if (menu.current && !menu.current.contains(e.target as Node)) closeMenu(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, []);

  async function create(e: Event) {
    e.preventDefault();
    const r = await deskApi.createLabel(conversation.siteId as SiteId, { name, color });
    if (!r.ok) {
      setError(r.message);
      return;
    }
    setError(null);
    setName('');
    onCreated();
    onSet(r.data.label.id, true);
    closeMenu(true);
  }

  return (
    <div class="labels" aria-label="Labels" role="group">
      {applied.map((l) => (
        <LabelChip key={l.id} label={l} onRemove={disabled ? undefined : () => onSet(l.id, false)} />
      ))}
      {!disabled && (
        <details
          class="label-add"
          ref={menu}
          onKeyDown={(e) => {
            if (e.key !== 'Escape') return;
            // Only the menu closes, not whatever Escape means around it.
            e.preventDefault();
            e.stopPropagation();
            closeMenu(true);
          }}
        >
          <summary class="button button--ghost">+ Label</summary>
          <div class="label-popover">
            {available.length > 0 && (
              <ul class="label-options">
                {available.map((l) => (
                  <li key={l.id}>
                    <button
                      type="button"
                      class="link-button"
                      onClick={() => {
                        onSet(l.id, true);
                        closeMenu(true);
                      }}
                    >
                      <LabelChip label={l} />
                    </button>
                  </li>
                ))}
              </ul>
            )}
            <form class="label-create" onSubmit={(e) => void create(e)}>
              <label class="field">
                New label
                <input value={name} maxLength={32} required dir="auto" onInput={(e) => setName(e.currentTarget.value)} />
              </label>
              <label class="field">
                Color
                <input type="color" value={color} onInput={(e) => setColor(e.currentTarget.value)} />
              </label>
              <button type="submit" class="button">
                Create
              </button>
              {error && <p role="alert" class="form-error">{error}</p>}
            </form>
          </div>
        </details>
      )}
    </div>
  );
}
