import { z } from 'zod';
import type { AgentId, SiteId, VisitorId } from './ids.ts';

/** POST /api/widget/session — exchange a site key (and a stored token, if any) for a signed visitor token. */
export const WidgetSessionRequestSchema = z.strictObject({
  siteKey: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/),
  token: z.string().max(512).nullable().optional(),
});
export type WidgetSessionRequest = z.infer<typeof WidgetSessionRequestSchema>;

export interface WidgetSessionResponse {
  token: string;
  visitorId: VisitorId;
  site: { name: string; departments: Array<{ id: string; name: string }> };
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
