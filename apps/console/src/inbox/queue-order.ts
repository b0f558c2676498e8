import type { ConversationSummary } from '@hearth/protocol';
import type { InboxState } from './inbox-state.ts';

/**
 * The queue view: open conversations nobody has, oldest wait first — the order the server assigns
 * them in, so the top row is the next one the router will hand out.
 */
export function waitingConversations(state: InboxState, siteId: string | null): ConversationSummary[] {
  return state.conversations
    .filter((c) => c.assignedAgentId === null && (siteId === null || c.siteId === siteId))
    .sort((a, b) => waitingSince(a) - waitingSince(b) || a.id.localeCompare(b.id));
}

/** `queuedAt` when the router queued it; a conversation from before routing waited since it began. */
export function waitingSince(c: ConversationSummary): number {
  return c.queuedAt ?? c.createdAt;
}

/** Assigned to me and not taken yet: the accept timeout runs, the header offers "Accept". */
export function awaitsMyAccept(c: ConversationSummary, agentId: string): boolean {
  return c.status === 'open' && c.assignedAgentId === agentId && c.acceptedAt === null;
}

/** Whole seconds left to accept, or null when there is no deadline to show. */
export function acceptSecondsLeft(c: ConversationSummary, timeoutSeconds: number, now: number): number | null {
  if (c.assignedAt === null || c.acceptedAt !== null) return null;
  return Math.max(0, Math.ceil((c.assignedAt + timeoutSeconds * 1000 - now) / 1000));
}
