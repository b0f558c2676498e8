import { useEffect } from 'preact/hooks';
import type { ConversationSummary } from '@hearth/protocol';
import { useConsoleState } from '../store/use-console-state.ts';
import { attentionCount, titleWithCount } from './notify-decision.ts';
import type { Notifier } from './notifier.ts';

/** Top bar controls: enable desktop notifications (once, from this click) and mute. */
export function NotificationControls({ notifier }: { notifier: Notifier }) {
  const state = useConsoleState(notifier);
  return (
    <div class="notify-controls">
      {state.permission === 'default' && (
        <button type="button" class="button button--ghost" aria-label="Enable notifications" title="Enable desktop notifications" onClick={() => void notifier.enable()}>
          Notifications
        </button>
      )}
      <button type="button" class="button button--ghost" aria-pressed={state.muted} onClick={() => notifier.toggleMuted()} title="Sound and desktop notifications">
        {state.muted ? 'Muted' : 'Sound on'}
      </button>
    </div>
  );
}

/** "(3) Hearth": conversations waiting on me, in the tab title. */
export function useTabTitle(conversations: readonly ConversationSummary[], agentId: string): void {
  const count = attentionCount(conversations, agentId);
  useEffect(() => {
    document.title = titleWithCount('Hearth', count);
  }, [count]);
}
