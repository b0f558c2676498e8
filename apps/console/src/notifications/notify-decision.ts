import type { ConversationSummary } from '@hearth/protocol';

/**
 * Whether a fact from the server deserves the agent's attention, and how: a sound, a desktop
 * notification, both or nothing. Pure, so every case is a unit test; notifier.ts does the noise.
 *
 * @example decideAlert({ kind: 'visitor-message', conversation, ... }) // { sound: true, desktop: true }
 */
export type AlertKind = 'new-conversation' | 'visitor-message';

export interface AlertInput {
  kind: AlertKind;
  /** The conversation as the inbox knows it after the fact; null when unknown (not ours to hear about). */
  conversation: ConversationSummary | null;
  agentId: string;
  /** The conversation open in this tab, if any. */
  openConversationId: string | null;
  /** The tab is visible and focused. */
  focused: boolean;
  muted: boolean;
  permission: 'granted' | 'denied' | 'default' | 'unsupported';
}

export interface Alert {
  sound: boolean;
  desktop: boolean;
}

export function decideAlert(input: AlertInput): Alert | null {
  const c = input.conversation;
  if (!c || c.status !== 'open' || input.muted) return null;
  const mine = c.assignedAgentId === input.agentId;
  const unassigned = c.assignedAgentId === null;
  // A new conversation: waiting for anyone in my sites, or routed straight to me. A message: only in mine.
  const relevant = input.kind === 'new-conversation' ? mine || unassigned : mine;
  if (!relevant) return null;
  // Looking at that very conversation in a focused tab: the message is on screen already.
  if (input.focused && input.openConversationId === c.id) return null;
  return { sound: true, desktop: input.permission === 'granted' };
}

/** Conversations that wait on me: unread ones assigned to me, and unread ones nobody has. */
export function attentionCount(conversations: readonly ConversationSummary[], agentId: string): number {
  return conversations.filter(
    (c) =>
      c.status === 'open' &&
      (c.assignedAgentId === agentId || c.assignedAgentId === null) &&
      c.lastMessage?.authorType === 'visitor' &&
      c.lastSeq > c.agentReadSeq,
  ).length;
}

/** "(3) Hearth" — the count first so it survives a narrow tab. */
export function titleWithCount(base: string, count: number): string {
  return count > 0 ? `(${count > 99 ? '99+' : count}) ${base}` : base;
}
