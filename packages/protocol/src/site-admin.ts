import { z } from 'zod';
import { requiredText } from './text-fields.ts';
import type { AgentId, SiteId } from './ids.ts';
import { AppearanceSchema, PrechatSchema, type Appearance, type Prechat } from './appearance.ts';

/**
 * Site settings as owners edit them in the console (Settings), and the team: members, roles,
 * invitations by link, and each agent's own profile.
 */

/**
 * An http(s) origin, normalized to what a browser sends in `Origin`: lower-case scheme and host,
 * no default port, no path. A regex rather than `URL`, because this package has no DOM or Node types.
 *
 * @example normalizeOrigin('HTTPS://Shop.Example:443/') // 'https://shop.example'
 */
const ORIGIN = /^(https?):\/\/([a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::(\d{1,5}))?\/?$/;

export function normalizeOrigin(value: string): string | null {
  const match = ORIGIN.exec(value.trim().toLowerCase());
  if (!match) return null;
  const [, scheme, host, , , , port] = match;
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) return null;
  const isDefault = port === undefined || (scheme === 'http' && port === '80') || (scheme === 'https' && port === '443');
  return `${scheme}://${host}${isDefault ? '' : `:${Number(port)}`}`;
}

export const AllowedOriginSchema = z
  .string()
  .max(256)
  .transform((value, ctx) => {
    const origin = normalizeOrigin(value);
    if (origin === null) ctx.addIssue({ code: 'custom', message: `not an http(s) origin like https://shop.example: ${value.slice(0, 60)}` });
    return origin ?? '';
  });

/** Each entry normalized, duplicates dropped (first one wins). Empty list = any page may embed. */
export const AllowedOriginsSchema = z
  .array(AllowedOriginSchema)
  .max(100)
  .transform((list) => [...new Set(list)]);

/** PUT /api/sites/:siteId/settings — each section present is replaced whole. */
export const SiteSettingsUpdateSchema = z.strictObject({
  appearance: AppearanceSchema.optional(),
  prechat: PrechatSchema.optional(),
  allowedOrigins: AllowedOriginsSchema.optional(),
});
export type SiteSettingsUpdate = z.input<typeof SiteSettingsUpdateSchema>;

/** GET/PUT /api/sites/:siteId/settings answer. Members may read it; owners may change it. */
export interface SiteSettingsView {
  siteId: SiteId;
  siteName: string;
  /** Public: the `data-site` of the embed snippet. */
  siteKey: string;
  /** The caller's role: the console shows agents a read-only form. */
  role: 'owner' | 'agent';
  appearance: Appearance;
  prechat: Prechat;
  allowedOrigins: string[];
  requireIdentity: boolean;
}

export const MemberRoleSchema = z.enum(['owner', 'agent']);
export type MemberRole = z.infer<typeof MemberRoleSchema>;

export interface TeamMember {
  agentId: AgentId;
  name: string;
  email: string;
  role: MemberRole;
  avatarUrl: string | null;
}

export interface PendingInvitation {
  id: string;
  email: string;
  role: MemberRole;
  createdAt: number;
  expiresAt: number;
}

/** GET /api/sites/:siteId/team. Invitations are listed for owners only (empty for agents). */
export interface TeamView {
  members: TeamMember[];
  invitations: PendingInvitation[];
}

export const MemberUpdateSchema = z.strictObject({ role: MemberRoleSchema });

export const InvitationCreateSchema = z.strictObject({
  email: z.string().trim().toLowerCase().email().max(254),
  role: MemberRoleSchema.default('agent'),
});
export type InvitationCreate = z.input<typeof InvitationCreateSchema>;

/** POST answer: the link holds the only copy of the token (the server keeps its hash). */
export interface CreatedInvitation {
  invitation: PendingInvitation;
  /** Path and fragment, e.g. `/console/#/invite/<token>`: the fragment never reaches a server log. */
  link: string;
  /** True when the link was also mailed to the invitee (SMTP_URL is set); the link stays copyable either way. */
  mailed: boolean;
}

/** A random 32-byte token, base64url (43 characters). */
export const InvitationTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'an invitation token');

/**
 * GET /api/invitations/:token — what the invitee sees before accepting. The same whether or not an
 * account with the email exists (the inviter holds the link too: it must not tell them); the page
 * offers both "create an account" and "sign in".
 */
export interface InvitationPreview {
  siteName: string;
  email: string;
  role: MemberRole;
}

/**
 * POST /api/invitations/:token/accept. A new account sends name and password; an agent signed in
 * with the invited email sends `{}`.
 */
export const InvitationAcceptSchema = z.strictObject({
  name: requiredText(80, 'a name').optional(),
  password: z.string().min(10, 'a password of at least 10 characters').max(512).optional(),
});

/** An avatar shown to visitors: https only (no mixed content, no javascript: or data: URLs). */
export const AvatarUrlSchema = z
  .string()
  .trim()
  .max(512, 'at most 512 characters')
  .regex(/^https:\/\/[^\s"'<>\\]+$/i, 'an https:// image URL');

/** PUT /api/agents/me/profile */
export const AgentProfileUpdateSchema = z.strictObject({
  name: requiredText(80, 'a display name').optional(),
  avatarUrl: AvatarUrlSchema.nullable().optional(),
});
export type AgentProfileUpdate = z.input<typeof AgentProfileUpdateSchema>;

export interface AgentProfile {
  agentId: AgentId;
  email: string;
  name: string;
  avatarUrl: string | null;
}

/**
 * The embed snippet a site owner pastes before `</body>`: the queueing stub (so `Hearth(...)`
 * calls work before the loader arrives) and the loader. README and the demo shop show the same.
 */
export function embedSnippet(origin: string, siteKey: string): string {
  return (
    '<script>window.Hearth=window.Hearth||function(){(Hearth.q=Hearth.q||[]).push(arguments)};</script>\n' +
    `<script async src="${origin}/widget.js" data-site="${siteKey}"></script>`
  );
}
