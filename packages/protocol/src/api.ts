import { z } from 'zod';
import { requiredText, textOrEmpty } from './text-fields.ts';
import { AgentIdSchema } from './ids.ts';
import { AgentSendMessageSchema, SeqSchema } from './message.ts';
import { AddNoteSchema } from './desk.ts';
import { TranscriptSearchQuerySchema } from './transcript.ts';
import { ReportQuerySchema } from './reports.ts';
import { VisitorProfileUpdateSchema } from './http.ts';

/**
 * The REST API for integrations (issue 19): per-site API tokens and webhook endpoints, managed by
 * owners. The `/api/v1` routes themselves reuse the console's schemas (message.ts, desk.ts …).
 */

/** `read`: GET routes. `write`: the routes that change something (it does not imply `read`). */
export const ApiScopeSchema = z.enum(['read', 'write']);
export type ApiScope = z.infer<typeof ApiScopeSchema>;

/** POST /api/sites/:siteId/api-tokens */
export const ApiTokenCreateSchema = z.strictObject({
  name: requiredText(80, 'a name'),
  scopes: z.array(ApiScopeSchema).min(1).max(2),
  /** Epoch ms after which the token stops working; absent or null: never. */
  expiresAt: z.number().int().positive().max(8.64e15).nullable().optional(),
});
export type ApiTokenCreate = z.input<typeof ApiTokenCreateSchema>;

/** A token as owners see it after creation: never the secret itself. */
export interface ApiToken {
  id: string;
  name: string;
  scopes: ApiScope[];
  /** The token's first characters (`hth_3fa9c1`), to tell tokens apart. */
  prefix: string;
  createdAt: number;
  expiresAt: number | null;
  revokedAt: number | null;
  lastUsedAt: number | null;
}

/** Answer of POST /api/sites/:siteId/api-tokens: the secret, this once. */
export interface ApiTokenCreated {
  id: string;
  /** `hth_…`: send as `Authorization: Bearer <token>`. Hearth keeps only its hash. */
  token: string;
  apiToken: ApiToken;
}

/** The `Idempotency-Key` header of a POST: any printable ASCII, as Stripe's. */
export const IdempotencyKeySchema = z.string().min(1).max(255).regex(/^[\x21-\x7e]+$/);

// ---- /api/v1: the console's own schemas, the site implied by the token ----

/**
 * GET /api/v1/conversations: the console's search filters (q, from, to, agentId, rating, trigger,
 * status), newest first, `limit` per page; `cursor` is the previous page's `nextCursor`.
 */
export const ApiConversationListQuerySchema = TranscriptSearchQuerySchema.omit({ siteId: true, format: true }).extend({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(4000).optional(),
});

/** GET /api/v1/conversations/:id/messages: messages with seq > `after`, at most `limit`. */
export const ApiMessagesQuerySchema = z.strictObject({
  after: z.coerce.number().pipe(SeqSchema).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

/**
 * POST /api/v1/conversations/:id/messages: the console's reply (AgentSendMessageSchema) as a
 * named agent of the site (`agentId`), or as the site (no `agentId`: sent by the token's creator
 * under the site's name). `clientId` is optional (the Idempotency-Key covers retries).
 */
export const ApiSendMessageSchema = AgentSendMessageSchema.omit({ conversationId: true })
  .partial({ clientId: true })
  .extend({ agentId: AgentIdSchema.optional() });

/** POST /api/v1/conversations/:id/notes: the console's note (AddNoteSchema), by a named agent or the token's creator. */
export const ApiAddNoteSchema = AddNoteSchema.omit({ conversationId: true }).partial({ clientId: true }).extend({ agentId: AgentIdSchema.optional() });

/** POST /api/v1/conversations/:id/assign */
export const ApiAssignSchema = z.strictObject({ agentId: AgentIdSchema });

/** POST close / reopen: who does it (default: the token's creator). */
export const ApiActorSchema = z.strictObject({ agentId: AgentIdSchema.optional() });

/** PATCH /api/v1/visitors/:id: what the widget's `Hearth('set')`/`identify` may change (the same schema). */
export const ApiVisitorUpdateSchema = VisitorProfileUpdateSchema;

/** GET /api/v1/reports: the console's report range. */
export const ApiReportQuerySchema = ReportQuerySchema.omit({ siteId: true, format: true });

// ---- webhooks ----

/** Every event type a webhook endpoint may subscribe to. */
export const WEBHOOK_EVENT_TYPES = [
  'conversation.created',
  'conversation.assigned',
  'conversation.closed',
  'conversation.reopened',
  'message.created',
  'csat.rated',
  'visitor.identified',
  'trigger.prompt_shown',
  'trigger.converted',
] as const;
export const WebhookEventTypeSchema = z.enum(WEBHOOK_EVENT_TYPES);
export type WebhookEventType = z.infer<typeof WebhookEventTypeSchema>;

/** http(s) only; where it may point (public addresses) is checked by the server. */
export const WebhookUrlSchema = z
  .string()
  .trim()
  .max(2048)
  .url()
  .refine((u) => /^https?:\/\//i.test(u), 'a webhook URL starts with http:// or https://');

/** POST /api/sites/:siteId/webhooks */
export const WebhookEndpointCreateSchema = z.strictObject({
  url: WebhookUrlSchema,
  events: z.array(WebhookEventTypeSchema).min(1).max(WEBHOOK_EVENT_TYPES.length),
  description: textOrEmpty(200, 'a description').optional(),
});
export type WebhookEndpointCreate = z.input<typeof WebhookEndpointCreateSchema>;

/** PATCH /api/sites/:siteId/webhooks/:id: re-enable a disabled endpoint, or change what it hears. */
export const WebhookEndpointUpdateSchema = z.strictObject({
  url: WebhookUrlSchema.optional(),
  events: z.array(WebhookEventTypeSchema).min(1).max(WEBHOOK_EVENT_TYPES.length).optional(),
  description: textOrEmpty(200, 'a description').optional(),
  enabled: z.boolean().optional(),
});
export type WebhookEndpointUpdate = z.input<typeof WebhookEndpointUpdateSchema>;

export interface WebhookEndpoint {
  id: string;
  url: string;
  description: string;
  events: WebhookEventType[];
  /** The signing secret (`whsec_…`), shown to the site's owners. */
  secret: string;
  createdAt: number;
  /** Set when deliveries kept failing (Hearth disabled it) or an owner paused it. */
  disabledAt: number | null;
  disabledReason: string | null;
  /** Events not yet delivered. */
  backlog: number;
}

/** Answer of POST /api/sites/:siteId/webhooks. */
export interface WebhookEndpointCreated {
  id: string;
  secret: string;
  endpoint: WebhookEndpoint;
}

export type WebhookEventStatus = 'pending' | 'sending' | 'delivered' | 'failed';

/** One event in an endpoint's delivery log, with its attempts. */
export interface WebhookDelivery {
  eventId: string;
  type: string;
  status: WebhookEventStatus;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: number;
  deliveredAt: number | null;
  nextAttemptAt: number | null;
}

export interface WebhookAttempt {
  attempt: number;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  at: number;
}

/**
 * The JSON body of every webhook POST. `id` is unique per event and endpoint (receivers drop
 * repeats by it); `data` depends on `type`.
 *
 * @example { "id": "evt_…", "type": "message.created", "createdAt": 1764500000000, "siteId": "…", "data": { "conversationId": "…", "message": { … } } }
 */
export interface WebhookEventBody {
  id: string;
  type: WebhookEventType | 'webhook.test';
  /** Epoch ms when the fact happened. */
  createdAt: number;
  siteId: string;
  data: Record<string, unknown>;
}
