import type { HttpError, SiteId, TriggerRule, TriggerRuleInput, TriggerSettings, TriggerStats } from '@hearth/protocol';

/** The owners' trigger endpoints (apps/server/src/triggers/triggers.routes.ts). */
export type ApiResult<T> = { ok: true; data: T } | { ok: false; message: string };

async function call<T>(method: string, url: string, body?: unknown): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    return { ok: false, message: 'Could not reach the server.' };
  }
  if (res.status === 204) return { ok: true, data: null as T };
  const json = (await res.json().catch(() => null)) as unknown;
  if (res.ok) return { ok: true, data: json as T };
  return { ok: false, message: (json as HttpError | null)?.error.message ?? `Request failed (${res.status}).` };
}

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
