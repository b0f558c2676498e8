import type { AgentId, MemberRole, PendingInvitation, SiteId } from '@hearth/protocol';

/** An invitation as acceptance sees it, with its site's name. */
export interface InvitationRow {
  id: string;
  siteId: SiteId;
  siteName: string;
  email: string;
  role: MemberRole;
  /** Epoch ms; `acceptedAt` and `revokedAt` are null until that happens. */
  expiresAt: number;
  acceptedAt: number | null;
  revokedAt: number | null;
}

/** Single-use team invitations; only the SHA-256 of a link's token is stored. */
export interface InvitationStore {
  /** Not accepted, not revoked and not expired at `now`, oldest first. */
  pending(siteId: SiteId, now: number): Promise<PendingInvitation[]>;
  /** Revokes every still-open invitation of this email to the site (a newer one replaces them). */
  revokeOpenFor(siteId: SiteId, email: string, now: number): Promise<void>;
  insert(invitation: PendingInvitation & { siteId: SiteId; tokenHash: string; invitedBy: AgentId }): Promise<void>;
  /** Revokes one open invitation of the site; false when there is none with that id. */
  revoke(siteId: SiteId, id: string, now: number): Promise<boolean>;
  byTokenHash(tokenHash: string): Promise<InvitationRow | null>;
  /**
   * Marks an invitation used if it is still open; false when it was not (a concurrent accept won).
   * One conditional UPDATE: on PostgreSQL the row lock makes the loser re-check and change nothing.
   */
  markAccepted(id: string, now: number): Promise<boolean>;
}

declare module '../store/store.ts' {
  interface StoreTx {
    invitations: InvitationStore;
  }
}
