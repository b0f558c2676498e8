/**
 * Pure rules for how conversations end and come back (issue 5).
 */

export interface LatestConversation {
  id: string;
  status: 'open' | 'closed';
  closedAt: number | null;
}

export type ReopenDecision = { kind: 'append'; id: string } | { kind: 'reopen'; id: string } | { kind: 'start' };

/**
 * Where a visitor's new message goes: into their open conversation; else back into their latest
 * conversation if it closed at most `windowMs` ago (the same matter, picked up again); else a new
 * conversation. A window of 0 never reopens.
 *
 * @example reopenOrStart({ id: 'c', status: 'closed', closedAt: 1000 }, 1500, 600_000) // { kind: 'reopen', id: 'c' }
 */
export function reopenOrStart(latest: LatestConversation | null, now: number, windowMs: number): ReopenDecision {
  if (!latest) return { kind: 'start' };
  if (latest.status === 'open') return { kind: 'append', id: latest.id };
  if (windowMs > 0 && latest.closedAt !== null && now - latest.closedAt <= windowMs) return { kind: 'reopen', id: latest.id };
  return { kind: 'start' };
}

/** Who or what closed a conversation; stored in the `conversation.closed` event's data. */
export type CloseReason = 'agent' | 'visitor' | 'inactivity';

/** The last activity before which an open conversation counts as idle. */
export const idleBefore = (now: number, timeoutMinutes: number): number => now - timeoutMinutes * 60_000;
