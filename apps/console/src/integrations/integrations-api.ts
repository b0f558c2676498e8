import type {
  ApiScope,
  ApiToken,
  ApiTokenCreated,
  SiteId,
  WebhookAttempt,
  WebhookDelivery,
  WebhookEndpoint,
  WebhookEndpointCreated,
  WebhookEventType,
} from '@hearth/protocol';
import { callJson } from '../session/json-api.ts';

/** Settings → API and Webhooks (apps/server/src/api/api-tokens.routes.ts, apps/server/src/webhooks/webhooks.routes.ts). */
const site = (siteId: SiteId) => `/api/sites/${encodeURIComponent(siteId)}`;

export const tokensApi = {
  list: (siteId: SiteId) => callJson<{ tokens: ApiToken[] }>('GET', `${site(siteId)}/api-tokens`),
  create: (siteId: SiteId, input: { name: string; scopes: ApiScope[]; expiresAt: number | null }) => callJson<ApiTokenCreated>('POST', `${site(siteId)}/api-tokens`, input),
  revoke: (siteId: SiteId, id: string) => callJson<null>('DELETE', `${site(siteId)}/api-tokens/${encodeURIComponent(id)}`),
};

export const webhooksApi = {
  list: (siteId: SiteId) => callJson<{ endpoints: WebhookEndpoint[] }>('GET', `${site(siteId)}/webhooks`),
  create: (siteId: SiteId, input: { url: string; events: WebhookEventType[]; description: string }) => callJson<WebhookEndpointCreated>('POST', `${site(siteId)}/webhooks`, input),
  update: (siteId: SiteId, id: string, patch: { enabled?: boolean; events?: WebhookEventType[] }) =>
    callJson<{ endpoint: WebhookEndpoint }>('PATCH', `${site(siteId)}/webhooks/${encodeURIComponent(id)}`, patch),
  remove: (siteId: SiteId, id: string) => callJson<null>('DELETE', `${site(siteId)}/webhooks/${encodeURIComponent(id)}`),
  deliveries: (siteId: SiteId, id: string) => callJson<{ endpoint: WebhookEndpoint; deliveries: WebhookDelivery[] }>('GET', `${site(siteId)}/webhooks/${encodeURIComponent(id)}/deliveries`),
  attempts: (siteId: SiteId, id: string, eventId: string) =>
    callJson<{ attempts: WebhookAttempt[] }>('GET', `${site(siteId)}/webhooks/${encodeURIComponent(id)}/deliveries/${encodeURIComponent(eventId)}`),
  redeliver: (siteId: SiteId, id: string, eventId: string) =>
    callJson<{ queued: true }>('POST', `${site(siteId)}/webhooks/${encodeURIComponent(id)}/deliveries/${encodeURIComponent(eventId)}/redeliver`),
  test: (siteId: SiteId, id: string) => callJson<{ queued: true }>('POST', `${site(siteId)}/webhooks/${encodeURIComponent(id)}/test`),
};

export const dateTimeText = (ms: number) => new Date(ms).toLocaleString(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', second: '2-digit' });
