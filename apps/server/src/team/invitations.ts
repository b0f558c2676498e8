import { randomBytes, randomUUID } from 'node:crypto';
import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import { schema, type HearthDb } from '@hearth/db';
import type { AgentId, InvitationCreate, InvitationPreview, MemberRole, PendingInvitation, SiteId } from '@hearth/protocol';
import { HttpError } from '../auth/request-auth.ts';
import { hashSessionToken } from '../auth/sessions.ts';
import { INVITATION_TTL_MS, invitationState } from './team-rules.ts';

const { agents, invitations, memberships, sites } = schema;

/** Tokens are hashed like session tokens: SHA-256 of 32 random bytes needs no slow hash. */
const hashToken = hashSessionToken;

export function pendingInvitations(db: HearthDb, siteId: SiteId, now: number): PendingInvitation[] {
  return db
    .select({ id: invitations.id, email: invitations.email, role: invitations.role, createdAt: invitations.createdAt, expiresAt: invitations.expiresAt })
    .from(invitations)
    .where(and(eq(invitations.siteId, siteId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now)))
    .orderBy(asc(invitations.createdAt))
    .all();
}

/**
 * A new single-use invitation; the token is returned once and only its hash is kept. A newer
 * invitation for the same email replaces (revokes) the older pending ones.
 */
export function createInvitation(
  db: HearthDb,
  siteId: SiteId,
  invitedBy: AgentId,
  input: Required<InvitationCreate>,
  now: number,
): { invitation: PendingInvitation; token: string } {
  const member = db
    .select({ id: agents.id })
    .from(memberships)
    .innerJoin(agents, eq(agents.id, memberships.agentId))
    .where(and(eq(memberships.siteId, siteId), eq(agents.email, input.email)))
    .get();
  if (member) throw new HttpError(409, 'already_member', 'Someone with that email is already on the team.');
  db.update(invitations)
    .set({ revokedAt: now })
    .where(and(eq(invitations.siteId, siteId), eq(invitations.email, input.email), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .run();
  const token = randomBytes(32).toString('base64url');
  const invitation: PendingInvitation = { id: randomUUID(), email: input.email, role: input.role, createdAt: now, expiresAt: now + INVITATION_TTL_MS };
  db.insert(invitations).values({ ...invitation, siteId, tokenHash: hashToken(token), invitedBy }).run();
  return { invitation, token };
}

export function revokeInvitation(db: HearthDb, siteId: SiteId, id: string, now: number): boolean {
  const done = db
    .update(invitations)
    .set({ revokedAt: now })
    .where(and(eq(invitations.id, id), eq(invitations.siteId, siteId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .run();
  return done.changes === 1;
}

const REFUSALS: Record<'accepted' | 'revoked' | 'expired', [number, string, string]> = {
  accepted: [410, 'invitation_used', 'This invitation has already been used.'],
  revoked: [410, 'invitation_revoked', 'This invitation was withdrawn. Ask the site owner for a new one.'],
  expired: [410, 'invitation_expired', 'This invitation has expired. Ask the site owner for a new one.'],
};

/** The usable invitation behind a token, or the reason it is not usable. */
function usableInvitation(db: HearthDb, token: string, now: number) {
  const row = db
    .select({
      id: invitations.id,
      siteId: invitations.siteId,
      siteName: sites.name,
      email: invitations.email,
      role: invitations.role,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
    })
    .from(invitations)
    .innerJoin(sites, eq(sites.id, invitations.siteId))
    .where(eq(invitations.tokenHash, hashToken(token)))
    .get();
  if (!row) throw new HttpError(404, 'invalid_invitation', 'This invitation link is not valid.');
  const state = invitationState(row, now);
  if (state !== 'pending') throw new HttpError(...REFUSALS[state]);
  return row;
}

export function previewInvitation(db: HearthDb, token: string, now: number): InvitationPreview {
  const inv = usableInvitation(db, token, now);
  const account = db.select({ id: agents.id }).from(agents).where(eq(agents.email, inv.email)).get();
  return { siteName: inv.siteName, email: inv.email, role: inv.role, accountExists: account !== undefined };
}

export interface Acceptance {
  token: string;
  /** The signed-in agent, if any: an existing account accepts by being signed in as the invited email. */
  signedIn: { agentId: AgentId; email: string } | null;
  /** For a new account: its display name and scrypt hash (hashed before the transaction). */
  newAccount: { name: string; passwordHash: string } | null;
}

/**
 * Accepts an invitation in one transaction: marks it used (only if still pending, so two
 * concurrent accepts cannot both win) and creates the account and/or the membership.
 */
export function acceptInvitation(db: HearthDb, acceptance: Acceptance, now: number): { agentId: AgentId; siteId: SiteId; role: MemberRole } {
  const inv = usableInvitation(db, acceptance.token, now);
  const existing = db.select({ id: agents.id }).from(agents).where(eq(agents.email, inv.email)).get();
  let agentId: AgentId;
  if (existing) {
    if (acceptance.signedIn?.email !== inv.email) {
      throw new HttpError(409, 'sign_in_to_accept', `An account for ${inv.email} exists: sign in with it, then open the link again.`);
    }
    agentId = existing.id;
  } else {
    if (!acceptance.newAccount) throw new HttpError(400, 'invalid_payload', 'Choose a display name and a password.');
    agentId = randomUUID() as AgentId;
    db.insert(agents).values({ id: agentId, email: inv.email, name: acceptance.newAccount.name, passwordHash: acceptance.newAccount.passwordHash, createdAt: now }).run();
  }
  const used = db
    .update(invitations)
    .set({ acceptedAt: now })
    .where(and(eq(invitations.id, inv.id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .run();
  if (used.changes !== 1) throw new HttpError(...REFUSALS.accepted);
  db.insert(memberships).values({ siteId: inv.siteId, agentId, role: inv.role, createdAt: now }).onConflictDoNothing().run();
  return { agentId, siteId: inv.siteId, role: inv.role };
}
