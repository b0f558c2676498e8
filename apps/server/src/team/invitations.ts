import { randomBytes, randomUUID } from 'node:crypto';
import type { AgentId, InvitationCreate, InvitationPreview, MemberRole, PendingInvitation, SiteId } from '@hearth/protocol';
import type { StoreTx } from '../store/store.ts';
import { HttpError } from '../auth/request-auth.ts';
import { hashSessionToken } from '../auth/sessions.ts';
import { INVITATION_TTL_MS, invitationState } from './team-rules.ts';
import type { InvitationRow } from './invitation.store.ts';
import type { MailService } from '../mail/mail.plugin.ts';
import { invitationMail } from '../mail/templates/account-mails.ts';
import './team.store.ts';

/** Tokens are hashed like session tokens: SHA-256 of 32 random bytes needs no slow hash. */
const hashToken = hashSessionToken;

/**
 * A new single-use invitation; the token is returned once and only its hash is kept. A newer
 * invitation for the same email replaces (revokes) the older pending ones. Runs in one unit; a
 * member with that email is a 409 `already_member`.
 */
export async function createInvitation(
  tx: StoreTx,
  siteId: SiteId,
  invitedBy: AgentId,
  input: Required<InvitationCreate>,
  now: number,
): Promise<{ invitation: PendingInvitation; token: string }> {
  if (await tx.team.hasMemberWithEmail(siteId, input.email)) throw new HttpError(409, 'already_member', 'Someone with that email is already on the team.');
  await tx.invitations.revokeOpenFor(siteId, input.email, now);
  const token = randomBytes(32).toString('base64url');
  const invitation: PendingInvitation = { id: randomUUID(), email: input.email, role: input.role, createdAt: now, expiresAt: now + INVITATION_TTL_MS };
  await tx.invitations.insert({ ...invitation, siteId, tokenHash: hashToken(token), invitedBy });
  return { invitation, token };
}

/** The console's accept page for a token (a fragment: it never reaches a server log). */
export const invitationPath = (token: string): string => `/console/#/invite/${token}`;

/**
 * Mails the invitation in the caller's unit, in the invitee's language if they have an account
 * (else the inviter's), with the site's name and colour. False when mail is not configured.
 */
export async function mailInvitation(
  tx: StoreTx,
  mail: MailService,
  input: { siteId: SiteId; inviter: { agentId: AgentId; name: string }; invitation: PendingInvitation; path: string },
  now: number,
): Promise<boolean> {
  if (!mail.configured) return false;
  const [site, settings, invitee, inviter] = [
    await tx.sites.profile(input.siteId),
    await tx.sites.settings(input.siteId),
    await tx.accounts.byEmail(input.invitation.email),
    await tx.accounts.byId(input.inviter.agentId),
  ];
  const look = { name: site?.name ?? 'Hearth', brandColor: settings.appearance.brandColor };
  const rendered = invitationMail(invitee?.locale ?? inviter?.locale ?? 'en', look, { inviter: input.inviter.name, role: input.invitation.role, link: `${mail.publicUrl()}${input.path}` });
  const queued = await mail.queue(tx, { kind: 'invitation', to: input.invitation.email, siteId: input.siteId, ref: input.invitation.id, mail: rendered }, now);
  return queued !== null;
}

const REFUSALS: Record<'accepted' | 'revoked' | 'expired', [number, string, string]> = {
  accepted: [410, 'invitation_used', 'This invitation has already been used.'],
  revoked: [410, 'invitation_revoked', 'This invitation was withdrawn. Ask the site owner for a new one.'],
  expired: [410, 'invitation_expired', 'This invitation has expired. Ask the site owner for a new one.'],
};

/** The usable invitation behind a token; throws a 404 or 410 HttpError saying why it is not usable. */
async function usableInvitation(tx: StoreTx, token: string, now: number): Promise<InvitationRow> {
  const row = await tx.invitations.byTokenHash(hashToken(token));
  if (!row) throw new HttpError(404, 'invalid_invitation', 'This invitation link is not valid.');
  const state = invitationState(row, now);
  if (state !== 'pending') throw new HttpError(...REFUSALS[state]);
  return row;
}

/** What an invitation link is for (the accept page shows it). Read-only. */
export async function previewInvitation(read: StoreTx, token: string, now: number): Promise<InvitationPreview> {
  const inv = await usableInvitation(read, token, now);
  return { siteName: inv.siteName, email: inv.email, role: inv.role };
}

export interface Acceptance {
  token: string;
  /** The signed-in agent, if any: an existing account accepts by being signed in as the invited email. */
  signedIn: { agentId: AgentId; email: string } | null;
  /** For a new account: its display name and scrypt hash (hashed before the unit). */
  newAccount: { name: string; passwordHash: string } | null;
}

/**
 * Accepts an invitation in one unit: marks it used (only if still open, so two concurrent
 * accepts cannot both win) and creates the account and/or the membership. Throws HttpErrors
 * (404/409/410/400) that roll the whole unit back.
 */
export async function acceptInvitation(tx: StoreTx, acceptance: Acceptance, now: number): Promise<{ agentId: AgentId; siteId: SiteId; role: MemberRole }> {
  const inv = await usableInvitation(tx, acceptance.token, now);
  const existing = await tx.auth.agentByEmail(inv.email);
  let agentId: AgentId;
  if (existing) {
    if (acceptance.signedIn?.email !== inv.email) {
      throw new HttpError(409, 'sign_in_to_accept', `An account for ${inv.email} exists: sign in with it, then open the link again.`);
    }
    agentId = existing.id;
  } else {
    if (!acceptance.newAccount) throw new HttpError(400, 'invalid_payload', 'Choose a display name and a password.');
    agentId = randomUUID() as AgentId;
    await tx.team.createAgent({ id: agentId, email: inv.email, name: acceptance.newAccount.name, passwordHash: acceptance.newAccount.passwordHash, createdAt: now });
  }
  if (!(await tx.invitations.markAccepted(inv.id, now))) throw new HttpError(...REFUSALS.accepted);
  await tx.team.addMember({ siteId: inv.siteId, agentId, role: inv.role, createdAt: now });
  return { agentId, siteId: inv.siteId, role: inv.role };
}
