import { z } from 'zod';
import { requiredText } from './text-fields.ts';
import type { AgentId, SiteId, VisitorId } from './ids.ts';
import { VisitorAttributesSchema, type Appearance, type Prechat } from './appearance.ts';

/** POST /api/widget/session — exchange a site key (and a stored token, if any) for a signed visitor token. */
/** What `Hearth('identify', ...)` passes on: the host's user id, signed with the site secret. */
export const VisitorIdentitySchema = z.strictObject({
  id: z.string().min(1).max(256),
  email: z.string().email().max(254).optional(),
  name: requiredText(200, 'a name').optional(),
  /** Hex HMAC-SHA256 of `id` keyed with the site's secret, computed on the host's server. */
  hash: z.string().max(128),
});

/**
 * What `Hearth('identify', ...)` / `Hearth('set', ...)` tell about an anonymous visitor without a
 * verified hash: contact details and attributes the console shows as "unverified". Never merges
 * visitors (only a verified identity does that).
 */
export const VisitorProfileUpdateSchema = z.strictObject({
  name: requiredText(200, 'a name').optional(),
  email: z.string().trim().email().max(254).optional(),
  attributes: VisitorAttributesSchema.optional(),
  /** The visitor's IANA time zone and language, from the browser: the console shows their local time. */
  timeZone: z.string().max(64).optional(),
  language: z.string().max(35).optional(),
});
export type VisitorProfileUpdate = z.infer<typeof VisitorProfileUpdateSchema>;
export type VisitorIdentity = z.infer<typeof VisitorIdentitySchema>;

export const WidgetSessionRequestSchema = z.strictObject({
  siteKey: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/),
  token: z.string().max(512).nullable().optional(),
  identity: VisitorIdentitySchema.optional(),
  /** The embedding page's origin as the frame verified it (ancestorOrigins / postMessage origin). */
  host: z.string().max(256).optional(),
});
export type WidgetSessionRequest = z.infer<typeof WidgetSessionRequestSchema>;

export interface WidgetSessionResponse {
  token: string;
  visitorId: VisitorId;
  site: {
    name: string;
    departments: Array<{ id: string; name: string }>;
    appearance: Appearance;
    prechat: Prechat;
  };
  agentsOnline: boolean;
}

/** POST /api/auth/login */
export const LoginRequestSchema = z.strictObject({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(512),
});
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

export interface AgentSite {
  id: SiteId;
  name: string;
  key: string;
  role: 'owner' | 'agent';
}

/** Answer of POST /api/auth/login and GET /api/auth/me. Never carries the password hash. */
export interface AgentSession {
  agent: { id: AgentId; email: string; name: string };
  sites: AgentSite[];
}

/** Body of every 4xx/5xx answer from the HTTP API. */
export interface HttpError {
  error: { code: string; message: string };
}
