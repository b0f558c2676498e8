import { randomBytes } from 'node:crypto';
import type { AgentId } from '@hearth/protocol';
import type { StoreTx } from '../store/store.ts';
import type { MailService } from '../mail/mail.plugin.ts';
import { HttpError } from '../auth/request-auth.ts';
import { hashSessionToken } from '../auth/sessions.ts';
import { emailChangedMail, emailChangeMail, emailTakenMail, passwordChangedMail, passwordResetMail } from '../mail/templates/account-mails.ts';
import type { AccountRow } from './account.store.ts';

/** A reset link works for one hour. */
export const RESET_TTL_MS = 60 * 60 * 1000;
/** An email confirmation link works for 24 hours (the mail says so). */
export const EMAIL_CHANGE_TTL_MS = 24 * 60 * 60 * 1000;
/** Per account and hour: more requests are answered alike but send nothing (a mailbox is not a target). */
export const RESETS_PER_HOUR = 3;
export const EMAIL_CHANGES_PER_HOUR = 5;
const HOUR_MS = 60 * 60 * 1000;

/** Where the console opens each link (the fragment never reaches a server log). */
export const consoleLinks = {
  reset: (base: string, token: string) => `${base}/console/#/reset/${token}`,
  confirmEmail: (base: string, token: string) => `${base}/console/#/confirm-email/${token}`,
  console: (base: string) => `${base}/console/`,
};

/** A fresh link token (32 random bytes, base64url: 43 characters) and the SHA-256 kept of it. */
function newLinkToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashSessionToken(token) };
}

export interface LinkDeps {
  mail: MailService;
  now: number;
}

/**
 * "Forgot password?": for a known address under its hourly limit, a single-use reset link (hash
 * stored, valid {@link RESET_TTL_MS}) and its mail, in the caller's unit. An unknown address or
 * one over the limit writes nothing; the caller answers the same either way.
 */
export async function requestPasswordReset(tx: StoreTx, deps: LinkDeps, email: string): Promise<void> {
  const account = await tx.accounts.byEmail(email);
  if (!account) return;
  if ((await tx.accounts.passwordResetsSince(account.id, deps.now - HOUR_MS)) >= RESETS_PER_HOUR) return;
  const { token, tokenHash } = newLinkToken();
  await tx.accounts.addPasswordReset({ tokenHash, agentId: account.id, createdAt: deps.now, expiresAt: deps.now + RESET_TTL_MS });
  const link = consoleLinks.reset(deps.mail.publicUrl(), token);
  await deps.mail.queue(
    tx,
    { kind: 'password-reset', to: account.email, agentId: account.id, mail: passwordResetMail(account.locale, { name: account.name, email: account.email, link }), headers: { autoSubmitted: true } },
    deps.now,
  );
}

/**
 * Sets a new password for `account` (scrypt hash computed before the unit), ends its sessions but
 * `keepTokenHash` (null: all of them), and tells the account by mail. Returns the ended sessions'
 * hashes, whose sockets the caller closes after the commit.
 */
export async function replacePassword(tx: StoreTx, deps: LinkDeps, account: AccountRow, passwordHash: string, keepTokenHash: string | null): Promise<string[]> {
  await tx.accounts.setPassword(account.id, passwordHash);
  const ended = await tx.accounts.endSessions(account.id, keepTokenHash);
  await deps.mail.queue(
    tx,
    {
      kind: 'password-changed',
      to: account.email,
      agentId: account.id,
      mail: passwordChangedMail(account.locale, { name: account.name, email: account.email, consoleUrl: consoleLinks.console(deps.mail.publicUrl()) }),
      headers: { autoSubmitted: true },
    },
    deps.now,
  );
  return ended;
}

/**
 * Uses a reset link: the new password, every session of the account signed out. Throws a 410
 * `invalid_link` for an unknown, used or expired link (one conditional UPDATE decides).
 */
export async function completePasswordReset(tx: StoreTx, deps: LinkDeps, token: string, passwordHash: string): Promise<{ agentId: AgentId; ended: string[] }> {
  const agentId = await tx.accounts.usePasswordReset(hashSessionToken(token), deps.now);
  const account = agentId && (await tx.accounts.byId(agentId));
  if (!account) throw new HttpError(410, 'invalid_link', 'This link is not valid any more: ask for a new one with "Forgot password?".');
  return { agentId: account.id, ended: await replacePassword(tx, deps, account, passwordHash, null) };
}

/**
 * Asks to move `account` to `newEmail`: a confirmation link to the new address, or, when another
 * account has that address, a mail there saying so (no link) — the caller answers alike, so the
 * form does not tell which addresses have accounts. 400 `same_email`; 429 past the hourly limit.
 */
export async function requestEmailChange(tx: StoreTx, deps: LinkDeps, account: AccountRow, newEmail: string): Promise<void> {
  if (newEmail === account.email) throw new HttpError(400, 'same_email', 'That is already your address.');
  if ((await tx.accounts.emailChangesSince(account.id, deps.now - HOUR_MS)) >= EMAIL_CHANGES_PER_HOUR) {
    throw new HttpError(429, 'too_many_requests', 'Too many address changes in the last hour: try again later.');
  }
  const { token, tokenHash } = newLinkToken();
  // The request counts even when the address is taken (the limit covers both mails).
  await tx.accounts.addEmailChange({ tokenHash, agentId: account.id, newEmail, createdAt: deps.now, expiresAt: deps.now + EMAIL_CHANGE_TTL_MS });
  const holder = await tx.accounts.byEmail(newEmail);
  const mail =
    holder !== null
      ? { kind: 'email-change-taken' as const, mail: emailTakenMail(account.locale, { email: newEmail }) }
      : { kind: 'email-change' as const, mail: emailChangeMail(account.locale, { name: account.name, newEmail, link: consoleLinks.confirmEmail(deps.mail.publicUrl(), token) }) };
  await deps.mail.queue(tx, { ...mail, to: newEmail, agentId: account.id, headers: { autoSubmitted: true } }, deps.now);
}

/**
 * Uses a confirmation link: the account signs in with the new address from now on, and the old
 * address is told. `taken` when another account took the address after the link was sent: the
 * link is used up and nothing else changed (the caller answers 409 `email_taken` after the commit,
 * so the unit is not rolled back). 410 `invalid_link` for an unknown, used or expired link.
 */
export async function confirmEmailChange(tx: StoreTx, deps: LinkDeps, token: string): Promise<{ kind: 'changed'; agentId: AgentId; email: string } | { kind: 'taken'; email: string }> {
  const outcome = await tx.accounts.useEmailChange(hashSessionToken(token), deps.now);
  if (outcome.kind === 'invalid') throw new HttpError(410, 'invalid_link', 'This link is not valid any more: change your address again from My profile.');
  if (outcome.kind === 'taken') return { kind: 'taken', email: outcome.newEmail };
  await deps.mail.queue(
    tx,
    {
      kind: 'email-changed',
      to: outcome.oldEmail,
      agentId: outcome.agentId,
      mail: emailChangedMail(outcome.locale, { name: outcome.name, from: outcome.oldEmail, to: outcome.newEmail }),
      headers: { autoSubmitted: true },
    },
    deps.now,
  );
  return { kind: 'changed', agentId: outcome.agentId, email: outcome.newEmail };
}
