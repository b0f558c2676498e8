import type {
  AgentProfile,
  AgentProfileUpdate,
  AgentSession,
  CreatedInvitation,
  InvitationCreate,
  InvitationPreview,
  MemberRole,
  SiteId,
  SiteSettingsUpdate,
  SiteSettingsView,
  TeamView,
} from '@hearth/protocol';
import { callJson } from '../session/json-api.ts';

/**
 * Settings endpoints (apps/server/src/sites/site-settings.routes.ts, apps/server/src/team/*).
 * Every call answers `{ ok, data }` or `{ ok: false, message, code }`; nothing throws.
 */
const site = (siteId: SiteId) => `/api/sites/${encodeURIComponent(siteId)}`;

export const settingsApi = {
  read: (siteId: SiteId) => callJson<SiteSettingsView>('GET', `${site(siteId)}/settings`),
  save: (siteId: SiteId, update: SiteSettingsUpdate) => callJson<SiteSettingsView>('PUT', `${site(siteId)}/settings`, update),
  identitySecret: (siteId: SiteId) => callJson<{ secret: string }>('GET', `${site(siteId)}/identity-secret`),
};

export const teamApi = {
  read: (siteId: SiteId) => callJson<TeamView>('GET', `${site(siteId)}/team`),
  setRole: (siteId: SiteId, agentId: string, role: MemberRole) => callJson<TeamView>('PUT', `${site(siteId)}/team/${encodeURIComponent(agentId)}`, { role }),
  remove: (siteId: SiteId, agentId: string) => callJson<TeamView>('DELETE', `${site(siteId)}/team/${encodeURIComponent(agentId)}`),
  invite: (siteId: SiteId, invitation: InvitationCreate) => callJson<CreatedInvitation>('POST', `${site(siteId)}/invitations`, invitation),
  revoke: (siteId: SiteId, id: string) => callJson<null>('DELETE', `${site(siteId)}/invitations/${encodeURIComponent(id)}`),
};

export const profileApi = {
  read: () => callJson<AgentProfile>('GET', '/api/agents/me/profile'),
  save: (update: AgentProfileUpdate) => callJson<AgentProfile>('PUT', '/api/agents/me/profile', update),
};

export const invitationApi = {
  preview: (token: string) => callJson<InvitationPreview>('GET', `/api/invitations/${encodeURIComponent(token)}`),
  accept: (token: string, account: { name: string; password: string } | null) =>
    callJson<AgentSession>('POST', `/api/invitations/${encodeURIComponent(token)}/accept`, account ?? {}),
};
