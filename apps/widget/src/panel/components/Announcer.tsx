import { format } from '../i18n/strings.ts';
import { useStrings } from '../i18n/use-strings.ts';
import type { ChatView } from '../chat-view.ts';

/**
 * Reads each new agent message to screen-reader users once, politely (after what they are doing).
 * The region is in the page from the start and only its text changes: live regions added together
 * with their text are not announced by every screen reader. History loaded on open is never put here.
 */
export function Announcer({ announcement, agentName }: { announcement: ChatView['announcement']; agentName(name: string | null): string }) {
  const { t } = useStrings();
  return (
    <div class="sr-only" role="status" aria-live="polite" aria-atomic="true">
      {announcement && <span key={announcement.key}>{format(t.newMessage, { name: agentName(announcement.name), body: announcement.body })}</span>}
    </div>
  );
}
