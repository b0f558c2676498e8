import type { SiteId, TriggerRule, TriggerRuleInput, TriggerSettings, TriggerStats } from '@hearth/protocol';
import { callJson as call } from '../session/json-api.ts';

/** The owners' trigger endpoints (apps/server/src/triggers/triggers.routes.ts). */
const base = (siteId: SiteId) => `/api/sites/${encodeURIComponent(siteId)}/triggers`;

export const triggersApi = {
  list: (siteId: SiteId) => call<{ triggers: TriggerRule[]; stats: TriggerStats[] }>('GET', base(siteId)),
  create: (siteId: SiteId, rule: TriggerRuleInput) => call<{ trigger: TriggerRule }>('POST', base(siteId), rule),
  update: (siteId: SiteId, id: string, rule: TriggerRuleInput) => call<{ trigger: TriggerRule }>('PUT', `${base(siteId)}/${encodeURIComponent(id)}`, rule),
  settings: (siteId: SiteId) => call<{ settings: TriggerSettings }>('GET', `/api/sites/${encodeURIComponent(siteId)}/trigger-settings`),
  saveSettings: (siteId: SiteId, settings: unknown) =>
    call<{ settings: TriggerSettings }>('PUT', `/api/sites/${encodeURIComponent(siteId)}/trigger-settings`, settings),
  remove: (siteId: SiteId, id: string) => call<null>('DELETE', `${base(siteId)}/${encodeURIComponent(id)}`),
};
