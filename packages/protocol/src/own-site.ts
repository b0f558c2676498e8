import { z } from 'zod';
import type { AgentId, SiteId } from './ids.ts';
import type { AgentSite } from './http.ts';
import { AllowedOriginSchema, AllowedOriginsSchema, type MemberRole } from './site-admin.ts';

/**
 * Hearth for your own site (issue 13): sites created and managed from the console, accounts that
 * recover and change themselves, and the mail that carries links.
 */

// --- Sites -----------------------------------------------------------------------------------

const SiteNameSchema = z.string().trim().min(1, 'a site name').max(80, 'at most 80 characters');

/** POST /api/sites — any signed-in account; it becomes the new site's owner. */
export const SiteCreateSchema = z.strictObject({
  name: SiteNameSchema,
  /** The site's address, e.g. `https://shop.example`: its origin becomes the first allowed origin. */
  websiteAddress: AllowedOriginSchema,
});
export type SiteCreate = z.input<typeof SiteCreateSchema>;

/** POST /api/sites answer. */
export interface CreatedSite {
  site: AgentSite;
  allowedOrigins: string[];
}

/** PATCH /api/sites/:siteId — owners. At least one field. */
export const SiteUpdateSchema = z
  .strictObject({ name: SiteNameSchema.optional(), allowedOrigins: AllowedOriginsSchema.optional() })
  .refine((u) => u.name !== undefined || u.allowedOrigins !== undefined, 'send a name or allowedOrigins');
export type SiteUpdate = z.input<typeof SiteUpdateSchema>;

/** DELETE /api/sites/:siteId — owners, typing the site's name to confirm (compared trimmed). */
export const SiteDeleteSchema = z.strictObject({ confirmName: z.string().max(200) });
export type SiteDelete = z.infer<typeof SiteDeleteSchema>;

/** GET /api/sites/:siteId/install — the install check: where the widget has loaded from. */
export interface SiteInstallView {
  /** Origins the widget's config was requested from, first seen first. */
  origins: Array<{ origin: string; firstSeenAt: number }>;
}

/** GET /api/sites/:siteId/identity-secret and POST …/identity-secret (a new one) — owners. */
export interface IdentitySecretView {
  secret: string;
}

// --- Accounts --------------------------------------------------------------------------------

/** A new password: at least 10 characters. */
export const NewPasswordSchema = z.string().min(10, 'at least 10 characters').max(512);
const EmailSchema = z.string().trim().toLowerCase().email().max(254);
/** A single-use link's token: 32 random bytes, base64url. */
export const AccountTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'a link token');

/** The languages of mail Hearth sends an account. */
export const AccountLocaleSchema = z.enum(['en', 'de', 'es']);
export type AccountLocale = z.infer<typeof AccountLocaleSchema>;

/** PUT /api/account/password — the current password, and a new one. */
export const PasswordChangeSchema = z.strictObject({ currentPassword: z.string().min(1).max(512), newPassword: NewPasswordSchema });
export type PasswordChange = z.infer<typeof PasswordChangeSchema>;

/** POST /api/auth/password-reset — always answered 202, whether the email has an account or not. */
export const PasswordResetRequestSchema = z.strictObject({ email: EmailSchema });

/** POST /api/auth/password-reset/complete — the link's token and the new password; signs in. */
export const PasswordResetCompleteSchema = z.strictObject({ token: AccountTokenSchema, password: NewPasswordSchema });

/** POST /api/account/email — a confirmation goes to the new address (always answered 202). */
export const EmailChangeSchema = z.strictObject({ newEmail: EmailSchema, currentPassword: z.string().min(1).max(512) });
export type EmailChange = z.infer<typeof EmailChangeSchema>;

/** POST /api/account/email/confirm — the link's token. */
export const EmailConfirmSchema = z.strictObject({ token: AccountTokenSchema });

/** GET /api/auth/options — public: what the sign-in page and the console may offer. */
export interface AuthOptions {
  /**
   * True when Hearth can send mail (SMTP_URL is set): "Forgot password?" mails a link, invitations
   * and email changes are mailed. False: the console says so, and password reset means asking an owner.
   */
  mail: boolean;
}

/** A deactivated member, as owners see them in Settings → Team. */
export interface DeactivatedMember {
  agentId: AgentId;
  name: string;
  email: string;
  role: MemberRole;
  deactivatedAt: number;
}

// --- Mail ------------------------------------------------------------------------------------

export type MailState = 'queued' | 'sending' | 'sent' | 'retrying' | 'failed';

/** One mail on the owners' mail page. No bodies: links in them are secrets. */
export interface MailEntry {
  id: string;
  /** `password-reset`, `invitation`, … */
  kind: string;
  siteId: SiteId | null;
  to: string;
  subject: string;
  status: MailState;
  attempts: number;
  /** The SMTP server's last answer (`250 …`, `550 …`) or the connection error. */
  lastResponse: string | null;
  createdAt: number;
  updatedAt: number;
  sentAt: number | null;
  nextAttemptAt: number | null;
}

/** GET /api/mail — owners: their sites' mail and account mail to their members, newest first. */
export interface MailOutboxView {
  /** False without SMTP_URL: Hearth sends nothing, and says so where mail would be used. */
  configured: boolean;
  mails: MailEntry[];
}
