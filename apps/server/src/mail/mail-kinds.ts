/**
 * Every kind of mail Hearth sends, by name. A feature that sends a new kind adds it here by
 * declaration merging (as it adds its store to StoreTx), renders it with its own template, and
 * may register a failure hook for it (`app.mail.onFailed`):
 *
 * @example
 * declare module '../mail/mail-kinds.ts' { interface MailKinds { 'visitor-reply': true } }
 */
export interface MailKinds {
  /** "Forgot password?": a single-use link, valid one hour. */
  'password-reset': true;
  /** Your password was changed (by you, or with a reset link). */
  'password-changed': true;
  /** An owner invited this address to a site's team. */
  invitation: true;
  /** Confirm the new address of an account (sent to the new address). */
  'email-change': true;
  /** Somebody asked to move an account to this address, which already has one (sent instead of the link). */
  'email-change-taken': true;
  /** The account's address was changed (sent to the old address). */
  'email-changed': true;
}

export type MailKind = keyof MailKinds & string;
