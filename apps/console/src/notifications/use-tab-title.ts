import { useEffect } from 'preact/hooks';
import type { ConversationSummary } from '@hearth/protocol';
import { attentionCount, titleWithCount } from './notify-decision.ts';

/** "(3) Hearth": conversations waiting on me, in the tab title. */
export function useTabTitle(conversations: readonly ConversationSummary[], agentId: string): void {
  const count = attentionCount(conversations, agentId);
  useEffect(() => {
    document.title = titleWithCount('Hearth', count);
  }, [count]);
}
