import { useState } from 'preact/hooks';
import type { ApiResult } from '../session/json-api.ts';

export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; message: string };

/** Runs a save and tracks its state for the section's Save button and status line. */
export function useSave<T>(onSaved: (data: T) => void) {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  async function run(request: () => Promise<ApiResult<T>>) {
    setState({ kind: 'saving' });
    const res = await request();
    if (!res.ok) return setState({ kind: 'error', message: res.message });
    onSaved(res.data);
    setState({ kind: 'saved' });
  }
  return { state, run, fail: (message: string) => setState({ kind: 'error', message }), reset: () => setState({ kind: 'idle' }) };
}

/** Save button plus a polite live status ("Saved." / the server's reason). */
export function SaveBar({ state, label = 'Save', disabled = false }: { state: SaveState; label?: string; disabled?: boolean }) {
  return (
    <div class="save-bar">
      <button type="submit" class="button button--primary" disabled={disabled || state.kind === 'saving'}>
        {state.kind === 'saving' ? 'Saving…' : label}
      </button>
      <span role="status" aria-live="polite" class={state.kind === 'error' ? 'form-error' : 'save-ok'}>
        {state.kind === 'saved' ? 'Saved.' : state.kind === 'error' ? state.message : ''}
      </span>
    </div>
  );
}

/** Shown above a section an agent may look at but not change. */
export function ReadOnlyNote({ what }: { what: string }) {
  return <p class="read-only-note">Only the site's owners can change {what}. You can see the current values.</p>;
}
