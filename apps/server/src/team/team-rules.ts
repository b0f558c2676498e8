import type { MemberRole } from '@hearth/protocol';

/** An invitation link is good for a week. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export type InvitationState = 'pending' | 'accepted' | 'revoked' | 'expired';

/** Where an invitation stands; accepted and revoked win over expired (they happened first). */
export function invitationState(inv: { acceptedAt: number | null; revokedAt: number | null; expiresAt: number }, now: number): InvitationState {
  if (inv.acceptedAt !== null) return 'accepted';
  if (inv.revokedAt !== null) return 'revoked';
  return now >= inv.expiresAt ? 'expired' : 'pending';
}

export type TeamChange = { kind: 'set-role'; role: MemberRole } | { kind: 'remove' };
export type TeamDecision = { ok: true } | { ok: false; status: 404 | 409; code: string; message: string };

/**
 * Whether a member's role may change or the member may be removed. A site always keeps at least
 * one owner: otherwise nobody could ever change its settings or team again.
 */
export function decideTeamChange(members: ReadonlyArray<{ agentId: string; role: MemberRole }>, targetId: string, change: TeamChange): TeamDecision {
  const target = members.find((m) => m.agentId === targetId);
  if (!target) return { ok: false, status: 404, code: 'not_found', message: 'That agent is not a member of this site.' };
  const losesOwner = target.role === 'owner' && (change.kind === 'remove' || change.role !== 'owner');
  const owners = members.filter((m) => m.role === 'owner').length;
  if (losesOwner && owners <= 1) {
    return { ok: false, status: 409, code: 'last_owner', message: 'A site needs at least one owner: make someone else an owner first.' };
  }
  return { ok: true };
}
