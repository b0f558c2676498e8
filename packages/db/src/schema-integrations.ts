import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { AgentId, SiteId } from '@hearth/protocol';
import { agents, sites } from './schema.ts';

/**
 * Integrations (issue 19): API tokens, idempotency records of API calls, webhook endpoints, the
 * webhook outbox and its delivery log. Re-exported by schema.ts, so drizzle-kit and `schema.*`
 * see these tables. The PostgreSQL twin is pg-schema-integrations.ts.
 */

/** Epoch milliseconds. */
const ms = (name: string) => integer(name).notNull();

/**
 * A site's API token. Only the SHA-256 of the secret is kept: the token itself is shown once, at
 * creation. `scopes` is space-separated (`read`, `read write`).
 */
export const apiTokens = sqliteTable(
  'api_tokens',
  {
    id: text('id').primaryKey(),
    siteId: text('site_id')
      .$type<SiteId>()
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** Hex SHA-256 of the whole token. */
    tokenHash: text('token_hash').notNull().unique(),
    /** The token's first characters, so owners can tell tokens apart (`hth_3fa9…`). */
    prefix: text('prefix').notNull(),
    scopes: text('scopes').notNull(),
    createdBy: text('created_by')
      .$type<AgentId>()
      .references(() => agents.id, { onDelete: 'set null' }),
    createdAt: ms('created_at'),
    expiresAt: integer('expires_at'),
    revokedAt: integer('revoked_at'),
    lastUsedAt: integer('last_used_at'),
  },
  (t) => [index('api_tokens_site_idx').on(t.siteId, t.createdAt)],
);

/**
 * The first answer to a POST with an `Idempotency-Key`, per token: a retry with the same key gets
 * it again instead of doing the work twice. `statusCode` 0 marks a call still running.
 */
export const apiIdempotency = sqliteTable(
  'api_idempotency',
  {
    tokenId: text('token_id')
      .notNull()
      .references(() => apiTokens.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    /** Hex SHA-256 of method, path and body: the same key with another request is refused. */
    requestHash: text('request_hash').notNull(),
    statusCode: integer('status_code').notNull(),
    body: text('body').notNull(),
    createdAt: ms('created_at'),
  },
  (t) => [primaryKey({ columns: [t.tokenId, t.key] }), index('api_idempotency_created_idx').on(t.createdAt)],
);

/** Where a site's events are POSTed. `events` is a JSON array of event types. */
export const webhookEndpoints = sqliteTable(
  'webhook_endpoints',
  {
    id: text('id').primaryKey(),
    siteId: text('site_id')
      .$type<SiteId>()
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    description: text('description').notNull().default(''),
    events: text('events').notNull(),
    /** The HMAC key of `Hearth-Signature`; shown to owners, never logged. */
    secret: text('secret').notNull(),
    createdAt: ms('created_at'),
    updatedAt: ms('updated_at'),
    /** Set when Hearth gave up on the endpoint (it kept failing) or an owner paused it. */
    disabledAt: integer('disabled_at'),
    disabledReason: text('disabled_reason'),
  },
  (t) => [index('webhook_endpoints_site_idx').on(t.siteId)],
);

/**
 * The webhook outbox: one row per event per endpoint, written in the same transaction as the fact.
 * `seq` orders events; the sender delivers the events of one `orderKey` (a conversation) one after
 * another. `body` is the exact JSON POSTed on every attempt.
 */
export const webhookEvents = sqliteTable(
  'webhook_events',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    /** The event id receivers de-duplicate on (`evt_…`). */
    id: text('id').notNull().unique(),
    endpointId: text('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    siteId: text('site_id')
      .$type<SiteId>()
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    orderKey: text('order_key').notNull(),
    body: text('body').notNull(),
    status: text('status', { enum: ['pending', 'sending', 'delivered', 'failed'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at'),
    /** While `sending`: another sender may take it over after this (this one died). */
    sendingUntil: integer('sending_until'),
    lastStatus: integer('last_status'),
    lastError: text('last_error'),
    createdAt: ms('created_at'),
    updatedAt: ms('updated_at'),
    deliveredAt: integer('delivered_at'),
  },
  (t) => [
    index('webhook_events_queue_idx').on(t.endpointId, t.orderKey, t.status, t.seq),
    index('webhook_events_log_idx').on(t.endpointId, t.seq),
    index('webhook_events_status_idx').on(t.status),
  ],
);

/** Every delivery attempt: the endpoint's delivery log in the console. */
export const webhookAttempts = sqliteTable(
  'webhook_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    eventId: text('event_id')
      .notNull()
      .references(() => webhookEvents.id, { onDelete: 'cascade' }),
    endpointId: text('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    attempt: integer('attempt').notNull(),
    /** The receiver's HTTP status, or null when none came (timeout, refused connection). */
    statusCode: integer('status_code'),
    error: text('error'),
    durationMs: integer('duration_ms').notNull(),
    at: ms('at'),
  },
  (t) => [index('webhook_attempts_endpoint_idx').on(t.endpointId, t.id), index('webhook_attempts_event_idx').on(t.eventId)],
);
