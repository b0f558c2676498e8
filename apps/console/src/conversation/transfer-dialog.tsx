import { useEffect, useRef, useState } from 'preact/hooks';
import type { AgentId } from '@hearth/protocol';
import type { ConsoleStore } from '../store/console-store.ts';
import type { PresenceState } from '../agents/presence-store.ts';
import { foldedIncludes } from '@hearth/chat-client';
import { transferTargets } from '../agents/agents-state.ts';

interface Props {
  store: ConsoleStore;
  presence: PresenceState;
  siteId: string;
  agentId: string;
  onClose: () => void;
}

const FOCUSABLE = 'button:not(:disabled), select:not(:disabled), textarea:not(:disabled), input:not(:disabled), [tabindex]:not([tabindex="-1"])';

/**
 * Modal: hand the open conversation to an online colleague or a department, with an internal note.
 * Focus stays inside while it is open (Tab wraps) and returns to the opener when it closes.
 */
export function TransferDialog({ store, presence, siteId, agentId, onClose }: Props) {
  const [find, setFind] = useState('');
  // Case and accents ignored: "faturacao" finds "Faturação", "jose" finds "José".
  const colleagues = transferTargets(presence.agents, siteId, agentId).filter((a) => foldedIncludes(find, a.name));
  const departments = (presence.routing.get(siteId)?.departments ?? []).filter((d) => foldedIncludes(find, d.name));
  const [target, setTarget] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const dialog = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    dialog.current?.querySelector<HTMLElement>('input')?.focus();
    return () => opener?.focus();
  }, []);

  function onKeyDown(e: KeyboardEvent): void {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
      return;
    }
    if (e.key !== 'Tab' || !dialog.current) return;
    const items = Array.from(dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE));
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    if (e.shiftKey && document.activeElement === first) {
      last.focus();
      e.preventDefault();
    } else if (!e.shiftKey && document.activeElement === last) {
      first.focus();
      e.preventDefault();
    }
  }

  async function submit(e: Event): Promise<void> {
    e.preventDefault();
    const [kind, id] = [target.slice(0, target.indexOf(':')), target.slice(target.indexOf(':') + 1)];
    if (!id) {
      setError('Pick a colleague or a department.');
      return;
    }
    setBusy(true);
    const trimmed = note.trim();
    const to = kind === 'agent' ? { toAgentId: id as AgentId } : { toDepartmentId: id };
    const failed = await store.transfer(trimmed ? { ...to, note: trimmed } : to);
    setBusy(false);
    if (failed) setError(failed);
    else onClose();
  }

  return (
    <div class="dialog-backdrop" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <div ref={dialog} class="dialog" role="dialog" aria-modal="true" aria-labelledby="transfer-title" onKeyDown={onKeyDown}>
        <form onSubmit={(e) => void submit(e)}>
          <h2 id="transfer-title" class="dialog-title">
            Transfer conversation
          </h2>
          <label for="transfer-find">Find a colleague or department</label>
          <input id="transfer-find" type="search" dir="auto" value={find} maxLength={80} onInput={(e) => setFind(e.currentTarget.value)} />
          <label for="transfer-target">Transfer to</label>
          <select id="transfer-target" value={target} onChange={(e) => setTarget(e.currentTarget.value)}>
            <option value="">Choose…</option>
            {colleagues.length > 0 && (
              <optgroup label="Online colleagues">
                {colleagues.map((a) => (
                  <option key={a.agentId} value={`agent:${a.agentId}`} dir="auto">
                    {`${a.name} — ${a.openChats}/${a.maxChats} chats`}
                  </option>
                ))}
              </optgroup>
            )}
            {departments.length > 0 && (
              <optgroup label="Departments">
                {departments.map((d) => (
                  <option key={d.id} value={`department:${d.id}`} dir="auto">
                    {d.name}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
          {colleagues.length === 0 && departments.length === 0 && (
            <p class="muted dialog-hint">
              {find.trim() ? `No online colleague or department matches “${find.trim()}”.` : 'No colleague is online and this site has no departments.'}
            </p>
          )}
          <label for="transfer-note">Internal note (optional)</label>
          <textarea
            id="transfer-note"
            rows={3}
            dir="auto"
            maxLength={1000}
            placeholder="Only your colleagues see this."
            value={note}
            onInput={(e) => setNote(e.currentTarget.value)}
          />
          <p class="alert" role="alert">
            {error ?? ''}
          </p>
          <div class="dialog-actions">
            <button type="button" class="button" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" class="button button--primary" disabled={busy}>
              Transfer
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
