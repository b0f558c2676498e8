import { sql } from 'drizzle-orm';
import { bigint, bigserial, customType, doublePrecision, index, integer, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import type { AgentId, Attachment, ConversationId, MessageId, SiteId, VisitorId } from '@hearth/protocol';

/**
 * The PostgreSQL twin of schema.ts: the same tables, columns, property names and TypeScript types
 * (schema-parity.ts fails the type check if one drifts), so store adapters map rows the same way
 * on both engines. Migrations: migrations-pg/ (`pnpm --filter @hearth/db generate:pg`).
 *
 * Engine choices, kept consistent:
 * - Epoch milliseconds are `bigint` read as JS numbers (they pass 2^31 in 1970; they fit 2^53).
 * - JSON documents (settings, attributes, payloads) stay `text`, parsed by the same zod schemas as
 *   on SQLite: one mapping for both engines, and nothing in SQL looks inside them.
 * - SQLite's autoincrement ids are `bigserial`.
 */

/** Epoch milliseconds; every timestamp in Hearth is one of these. */
const ms = (name: string) => bigint(name, { mode: 'number' }).notNull();
/** An optional epoch-ms column. */
const msOrNull = (name: string) => bigint(name, { mode: 'number' });
const serialId = () => bigserial('id', { mode: 'number' }).primaryKey();
/** A JSON value in a `text` column, as SQLite's `text(…, { mode: 'json' })` maps it. */
const jsonText = <T>(name: string) =>
  customType<{ data: T; driverData: string }>({
    dataType: () => 'text',
    toDriver: (value) => JSON.stringify(value),
    fromDriver: (value) => JSON.parse(value) as T,
  })(name);

export const sites = pgTable('sites', {
  id: text('id').$type<SiteId>().primaryKey(),
  /** Public key in the embed snippet (`data-site`). Not a secret. */
  key: text('key').notNull().unique(),
  name: text('name').notNull(),
  /** Server-side secret for identity verification (HMAC); never sent to a client. */
  secret: text('secret').notNull(),
  /** JSON document parsed by SiteSettingsSchema (packages/protocol/src/site-settings.ts). */
  settings: text('settings').notNull().default('{}'),
  createdAt: ms('created_at'),
});

export const agents = pgTable('agents', {
  id: text('id').$type<AgentId>().primaryKey(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  status: text('status', { enum: ['online', 'away', 'offline'] }).notNull().default('offline'),
  statusReason: text('status_reason'),
  lastAssignedAt: msOrNull('last_assigned_at'),
  consecutiveMisses: integer('consecutive_misses').notNull().default(0),
  avatarUrl: text('avatar_url'),
  locale: text('locale', { enum: ['en', 'de', 'es'] }).notNull().default('en'),
  createdAt: ms('created_at'),
});

export const memberships = pgTable(
  'memberships',
  {
    siteId: text('site_id').$type<SiteId>().notNull().references(() => sites.id, { onDelete: 'cascade' }),
    agentId: text('agent_id').$type<AgentId>().notNull().references(() => agents.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['owner', 'agent'] }).notNull(),
    maxChats: integer('max_chats'),
    createdAt: ms('created_at'),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.agentId] }), index('memberships_agent_idx').on(t.agentId)],
);

export const departments = pgTable(
  'departments',
  {
    id: text('id').primaryKey(),
    siteId: text('site_id').$type<SiteId>().notNull().references(() => sites.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    createdAt: ms('created_at'),
  },
  (t) => [uniqueIndex('departments_site_name').on(t.siteId, t.name)],
);

export const agentDepartments = pgTable(
  'agent_departments',
  {
    agentId: text('agent_id').$type<AgentId>().notNull().references(() => agents.id, { onDelete: 'cascade' }),
    departmentId: text('department_id').notNull().references(() => departments.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.agentId, t.departmentId] })],
);

export const agentSessions = pgTable(
  'agent_sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    agentId: text('agent_id').$type<AgentId>().notNull().references(() => agents.id, { onDelete: 'cascade' }),
    createdAt: ms('created_at'),
    expiresAt: ms('expires_at'),
  },
  (t) => [index('agent_sessions_agent_idx').on(t.agentId)],
);

export const visitors = pgTable(
  'visitors',
  {
    id: text('id').$type<VisitorId>().primaryKey(),
    siteId: text('site_id').$type<SiteId>().notNull().references(() => sites.id, { onDelete: 'cascade' }),
    name: text('name'),
    email: text('email'),
    userAgent: text('user_agent'),
    currentUrl: text('current_url'),
    currentTitle: text('current_title'),
    createdAt: ms('created_at'),
    lastSeenAt: ms('last_seen_at'),
    externalId: text('external_id'),
    attributes: text('attributes').notNull().default('{}'),
    timeZone: text('time_zone'),
    language: text('language'),
  },
  (t) => [index('visitors_site_idx').on(t.siteId), uniqueIndex('visitors_site_external_id').on(t.siteId, t.externalId)],
);

export const conversations = pgTable(
  'conversations',
  {
    id: text('id').$type<ConversationId>().primaryKey(),
    siteId: text('site_id').$type<SiteId>().notNull().references(() => sites.id, { onDelete: 'cascade' }),
    visitorId: text('visitor_id').$type<VisitorId>().notNull().references(() => visitors.id, { onDelete: 'cascade' }),
    status: text('status', { enum: ['open', 'closed'] }).notNull(),
    assignedAgentId: text('assigned_agent_id').$type<AgentId>().references(() => agents.id, { onDelete: 'set null' }),
    departmentId: text('department_id').references(() => departments.id, { onDelete: 'set null' }),
    queuedAt: msOrNull('queued_at'),
    assignedAt: msOrNull('assigned_at'),
    acceptedAt: msOrNull('accepted_at'),
    /** Highest message seq; bumped (row-locked) in the same transaction as the insert. */
    lastSeq: integer('last_seq').notNull().default(0),
    visitorReadSeq: integer('visitor_read_seq').notNull().default(0),
    agentReadSeq: integer('agent_read_seq').notNull().default(0),
    lastMessageBody: text('last_message_body'),
    lastMessageAuthorType: text('last_message_author_type', { enum: ['visitor', 'agent', 'system'] }),
    lastMessageAt: msOrNull('last_message_at'),
    createdAt: ms('created_at'),
    updatedAt: ms('updated_at'),
    closedAt: msOrNull('closed_at'),
  },
  (t) => [
    uniqueIndex('conversations_one_open_per_visitor')
      .on(t.visitorId)
      .where(sql`status = 'open'`),
    index('conversations_site_status_idx').on(t.siteId, t.status, t.updatedAt),
    index('conversations_visitor_idx').on(t.visitorId, t.createdAt),
    index('conversations_queue_idx').on(t.siteId, t.queuedAt),
    index('conversations_agent_load_idx').on(t.assignedAgentId, t.status),
  ],
);

export const messages = pgTable(
  'messages',
  {
    id: text('id').$type<MessageId>().primaryKey(),
    conversationId: text('conversation_id')
      .$type<ConversationId>()
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    siteId: text('site_id').$type<SiteId>().notNull(),
    seq: integer('seq').notNull(),
    clientId: text('client_id').notNull(),
    authorType: text('author_type', { enum: ['visitor', 'agent', 'system'] }).notNull(),
    authorId: text('author_id'),
    authorName: text('author_name'),
    body: text('body').notNull(),
    attachments: jsonText<Attachment[]>('attachments'),
    createdAt: ms('created_at'),
  },
  (t) => [
    uniqueIndex('messages_conversation_seq').on(t.conversationId, t.seq),
    // Nulls are distinct here as on SQLite: the same rule on both engines.
    uniqueIndex('messages_author_client_id').on(t.authorType, t.authorId, t.clientId),
  ],
);

export const pageViews = pgTable(
  'page_views',
  {
    id: serialId(),
    siteId: text('site_id').$type<SiteId>().notNull(),
    visitorId: text('visitor_id').$type<VisitorId>().notNull().references(() => visitors.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    title: text('title').notNull(),
    referrer: text('referrer'),
    viewedAt: ms('viewed_at'),
  },
  (t) => [index('page_views_visitor_idx').on(t.visitorId, t.viewedAt)],
);

export const instanceSettings = pgTable('instance_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export const conversationEvents = pgTable(
  'conversation_events',
  {
    id: serialId(),
    conversationId: text('conversation_id')
      .$type<ConversationId>()
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    siteId: text('site_id').$type<SiteId>().notNull(),
    type: text('type').notNull(),
    actorType: text('actor_type', { enum: ['visitor', 'agent', 'system'] }).notNull(),
    actorId: text('actor_id'),
    data: text('data').notNull().default('{}'),
    createdAt: ms('created_at'),
  },
  (t) => [index('conversation_events_conversation_idx').on(t.conversationId, t.id), index('conversation_events_site_type_idx').on(t.siteId, t.type, t.createdAt)],
);

export const csatRatings = pgTable(
  'csat_ratings',
  {
    conversationId: text('conversation_id')
      .$type<ConversationId>()
      .primaryKey()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    siteId: text('site_id').$type<SiteId>().notNull(),
    visitorId: text('visitor_id').$type<VisitorId>().notNull(),
    agentId: text('agent_id').$type<AgentId>(),
    score: integer('score').notNull(),
    ces: integer('ces'),
    comment: text('comment'),
    createdAt: ms('created_at'),
    updatedAt: ms('updated_at'),
  },
  (t) => [index('csat_ratings_site_idx').on(t.siteId, t.createdAt), index('csat_ratings_agent_idx').on(t.agentId)],
);

export const triggers = pgTable(
  'triggers',
  {
    id: text('id').primaryKey(),
    siteId: text('site_id').$type<SiteId>().notNull().references(() => sites.id, { onDelete: 'cascade' }),
    rule: text('rule').notNull(),
    createdAt: ms('created_at'),
    updatedAt: ms('updated_at'),
  },
  (t) => [index('triggers_site_idx').on(t.siteId)],
);

export const triggerEvents = pgTable(
  'trigger_events',
  {
    id: serialId(),
    siteId: text('site_id').$type<SiteId>().notNull().references(() => sites.id, { onDelete: 'cascade' }),
    visitId: text('visit_id').notNull(),
    type: text('type', { enum: ['shown', 'dismissed', 'engaged', 'purchase'] }).notNull(),
    triggerId: text('trigger_id'),
    value: doublePrecision('value'),
    currency: text('currency'),
    at: ms('at'),
    receivedAt: ms('received_at'),
  },
  (t) => [index('trigger_events_site_trigger_idx').on(t.siteId, t.triggerId, t.type), index('trigger_events_visit_idx').on(t.siteId, t.visitId)],
);

export const invitations = pgTable(
  'invitations',
  {
    id: text('id').primaryKey(),
    siteId: text('site_id').$type<SiteId>().notNull().references(() => sites.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    role: text('role', { enum: ['owner', 'agent'] }).notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    invitedBy: text('invited_by').$type<AgentId>().references(() => agents.id, { onDelete: 'set null' }),
    createdAt: ms('created_at'),
    expiresAt: ms('expires_at'),
    acceptedAt: msOrNull('accepted_at'),
    revokedAt: msOrNull('revoked_at'),
  },
  (t) => [index('invitations_site_idx').on(t.siteId, t.createdAt)],
);

export const cannedReplies = pgTable(
  'canned_replies',
  {
    id: text('id').primaryKey(),
    siteId: text('site_id').$type<SiteId>().notNull().references(() => sites.id, { onDelete: 'cascade' }),
    agentId: text('agent_id').$type<AgentId>().references(() => agents.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    shortcut: text('shortcut').notNull(),
    text: text('text').notNull(),
    createdAt: ms('created_at'),
    updatedAt: ms('updated_at'),
  },
  (t) => [
    uniqueIndex('canned_replies_site_shortcut').on(t.siteId, t.shortcut).where(sql`agent_id is null`),
    uniqueIndex('canned_replies_personal_shortcut').on(t.siteId, t.agentId, t.shortcut).where(sql`agent_id is not null`),
  ],
);

export const conversationNotes = pgTable(
  'conversation_notes',
  {
    id: text('id').primaryKey(),
    conversationId: text('conversation_id')
      .$type<ConversationId>()
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    siteId: text('site_id').$type<SiteId>().notNull(),
    authorId: text('author_id').$type<AgentId>().notNull(),
    authorName: text('author_name').notNull(),
    clientId: text('client_id').notNull(),
    body: text('body').notNull(),
    createdAt: ms('created_at'),
  },
  (t) => [index('conversation_notes_conversation_idx').on(t.conversationId, t.createdAt), uniqueIndex('conversation_notes_author_client').on(t.authorId, t.clientId)],
);

export const labels = pgTable(
  'labels',
  {
    id: text('id').primaryKey(),
    siteId: text('site_id').$type<SiteId>().notNull().references(() => sites.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    color: text('color').notNull(),
    createdAt: ms('created_at'),
  },
  (t) => [uniqueIndex('labels_site_name').on(t.siteId, t.name)],
);

export const conversationLabels = pgTable(
  'conversation_labels',
  {
    conversationId: text('conversation_id')
      .$type<ConversationId>()
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    labelId: text('label_id').notNull().references(() => labels.id, { onDelete: 'cascade' }),
    createdAt: ms('created_at'),
  },
  (t) => [primaryKey({ columns: [t.conversationId, t.labelId] }), index('conversation_labels_label_idx').on(t.labelId)],
);

export const visitorEvents = pgTable(
  'visitor_events',
  {
    id: serialId(),
    siteId: text('site_id').$type<SiteId>().notNull(),
    visitorId: text('visitor_id').$type<VisitorId>().notNull().references(() => visitors.id, { onDelete: 'cascade' }),
    eventId: text('event_id').notNull(),
    name: text('name').notNull(),
    props: text('props').notNull().default('{}'),
    at: ms('at'),
    receivedAt: ms('received_at'),
  },
  (t) => [uniqueIndex('visitor_events_visitor_event').on(t.visitorId, t.eventId), index('visitor_events_visitor_at_idx').on(t.visitorId, t.at)],
);

/** Due work as rows, claimed `FOR UPDATE SKIP LOCKED` by every node (see schema.ts). */
export const jobs = pgTable(
  'jobs',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(),
    key: text('key').notNull(),
    siteId: text('site_id').$type<SiteId>().references(() => sites.id, { onDelete: 'cascade' }),
    payload: text('payload').notNull().default('{}'),
    dueAt: ms('due_at'),
    attempts: integer('attempts').notNull().default(0),
    lease: text('lease'),
    leaseUntil: msOrNull('lease_until'),
    lastError: text('last_error'),
    createdAt: ms('created_at'),
  },
  (t) => [uniqueIndex('jobs_kind_key').on(t.kind, t.key), index('jobs_due_idx').on(t.dueAt)],
);

// Issue 13's tables (mail outbox, account recovery, deactivated members, install check).
export * from './pg-schema-accounts.ts';
export * from './pg-schema-files.ts';
export * from './pg-schema-integrations.ts';
