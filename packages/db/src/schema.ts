import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { AgentId, Attachment, ConversationId, MessageId, SiteId, VisitorId } from '@hearth/protocol';

/** Epoch milliseconds; every timestamp in Hearth is one of these. */
const ms = (name: string) => integer(name).notNull();

export const sites = sqliteTable('sites', {
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

export const agents = sqliteTable('agents', {
  id: text('id').$type<AgentId>().primaryKey(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  /** scrypt$N$r$p$salt$hash — see apps/server/src/auth/password.ts. */
  passwordHash: text('password_hash').notNull(),
  /** Routing presence, set by the agent and by the system (grace expiry, missed chats). */
  status: text('status', { enum: ['online', 'away', 'offline'] }).notNull().default('offline'),
  /** Why the system changed the status (e.g. "Missed 3 chats in a row"), shown in the console. */
  statusReason: text('status_reason'),
  /** Tie-breaker for least-busy and the rotation for round-robin. */
  lastAssignedAt: integer('last_assigned_at'),
  consecutiveMisses: integer('consecutive_misses').notNull().default(0),
  /** https URL of the agent's picture, shown to visitors when the site shows agents (issue 6). */
  avatarUrl: text('avatar_url'),
  /** The language of the mail Hearth sends this account (My profile). */
  locale: text('locale', { enum: ['en', 'de', 'es'] }).notNull().default('en'),
  createdAt: ms('created_at'),
});

export const memberships = sqliteTable(
  'memberships',
  {
    siteId: text('site_id').$type<SiteId>().notNull().references(() => sites.id, { onDelete: 'cascade' }),
    agentId: text('agent_id').$type<AgentId>().notNull().references(() => agents.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['owner', 'agent'] }).notNull(),
    /** Per-agent capacity override on this site; null = the site's defaultMaxChats. */
    maxChats: integer('max_chats'),
    createdAt: ms('created_at'),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.agentId] }), index('memberships_agent_idx').on(t.agentId)],
);

/** Optional routing groups ("Sales", "Billing"): a conversation may ask for one. */
export const departments = sqliteTable(
  'departments',
  {
    id: text('id').primaryKey(),
    siteId: text('site_id').$type<SiteId>().notNull().references(() => sites.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    createdAt: ms('created_at'),
  },
  (t) => [uniqueIndex('departments_site_name').on(t.siteId, t.name)],
);

export const agentDepartments = sqliteTable(
  'agent_departments',
  {
    agentId: text('agent_id').$type<AgentId>().notNull().references(() => agents.id, { onDelete: 'cascade' }),
    departmentId: text('department_id').notNull().references(() => departments.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.agentId, t.departmentId] })],
);

/** Agent login sessions. The cookie holds a random token; only its SHA-256 is stored. */
export const agentSessions = sqliteTable(
  'agent_sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    agentId: text('agent_id').$type<AgentId>().notNull().references(() => agents.id, { onDelete: 'cascade' }),
    createdAt: ms('created_at'),
    expiresAt: ms('expires_at'),
  },
  (t) => [index('agent_sessions_agent_idx').on(t.agentId)],
);

export const visitors = sqliteTable(
  'visitors',
  {
    id: text('id').$type<VisitorId>().primaryKey(),
    siteId: text('site_id').$type<SiteId>().notNull().references(() => sites.id, { onDelete: 'cascade' }),
    name: text('name'),
    email: text('email'),
    userAgent: text('user_agent'),
    /** Last page the visitor was seen on (denormalised from page_views for the inbox). */
    currentUrl: text('current_url'),
    currentTitle: text('current_title'),
    createdAt: ms('created_at'),
    lastSeenAt: ms('last_seen_at'),
    /** trust: the host's user id from a verified `Hearth('identify')`; one visitor per (site, id). */
    externalId: text('external_id'),
    /** `Hearth('set' | 'identify', { attributes })`: a flat JSON object, validated by VisitorAttributesSchema. */
    attributes: text('attributes').notNull().default('{}'),
    /** From `visitor:update` (the browser's IANA zone and language): the console shows the visitor's local time. */
    timeZone: text('time_zone'),
    language: text('language'),
  },
  (t) => [index('visitors_site_idx').on(t.siteId), uniqueIndex('visitors_site_external_id').on(t.siteId, t.externalId)],
);

export const conversations = sqliteTable(
  'conversations',
  {
    id: text('id').$type<ConversationId>().primaryKey(),
    siteId: text('site_id').$type<SiteId>().notNull().references(() => sites.id, { onDelete: 'cascade' }),
    visitorId: text('visitor_id').$type<VisitorId>().notNull().references(() => visitors.id, { onDelete: 'cascade' }),
    status: text('status', { enum: ['open', 'closed'] }).notNull(),
    assignedAgentId: text('assigned_agent_id').$type<AgentId>().references(() => agents.id, { onDelete: 'set null' }),
    departmentId: text('department_id').references(() => departments.id, { onDelete: 'set null' }),
    /** Set while the conversation waits for an agent (FIFO order); null once assigned. */
    queuedAt: integer('queued_at'),
    assignedAt: integer('assigned_at'),
    /** When the assigned agent accepted or first answered; null starts the accept timeout. */
    acceptedAt: integer('accepted_at'),
    /** Highest message seq; bumped in the same transaction as the insert. */
    lastSeq: integer('last_seq').notNull().default(0),
    visitorReadSeq: integer('visitor_read_seq').notNull().default(0),
    agentReadSeq: integer('agent_read_seq').notNull().default(0),
    lastMessageBody: text('last_message_body'),
    lastMessageAuthorType: text('last_message_author_type', { enum: ['visitor', 'agent', 'system'] }),
    lastMessageAt: integer('last_message_at'),
    createdAt: ms('created_at'),
    updatedAt: ms('updated_at'),
    closedAt: integer('closed_at'),
  },
  (t) => [
    // At most one open conversation per visitor: concurrent "start" requests cannot make two.
    uniqueIndex('conversations_one_open_per_visitor')
      .on(t.visitorId)
      .where(sql`status = 'open'`),
    index('conversations_site_status_idx').on(t.siteId, t.status, t.updatedAt),
    index('conversations_visitor_idx').on(t.visitorId, t.createdAt),
    index('conversations_queue_idx').on(t.siteId, t.queuedAt),
    index('conversations_agent_load_idx').on(t.assignedAgentId, t.status),
  ],
);

export const messages = sqliteTable(
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
    /** Files the message carries (issue 15), linked in the message's unit by the files feature; null: none. */
    attachments: text('attachments', { mode: 'json' }).$type<Attachment[]>(),
    createdAt: ms('created_at'),
  },
  (t) => [
    uniqueIndex('messages_conversation_seq').on(t.conversationId, t.seq),
    // Idempotency key: a resend by the same author with the same client id is the same message.
    uniqueIndex('messages_author_client_id').on(t.authorType, t.authorId, t.clientId),
  ],
);

export const pageViews = sqliteTable(
  'page_views',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    siteId: text('site_id').$type<SiteId>().notNull(),
    visitorId: text('visitor_id').$type<VisitorId>().notNull().references(() => visitors.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    title: text('title').notNull(),
    referrer: text('referrer'),
    viewedAt: ms('viewed_at'),
  },
  (t) => [index('page_views_visitor_idx').on(t.visitorId, t.viewedAt)],
);

/** Installation-wide key/value settings (e.g. the visitor-token signing key), shared by every node. */
export const instanceSettings = sqliteTable('instance_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/**
 * What happened to a conversation besides messages — assignments, transfers, the trigger that
 * started it, closing, ratings — for transcripts, reports and the console timeline.
 * `data` is JSON whose shape depends on `type`.
 */
export const conversationEvents = sqliteTable(
  'conversation_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
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

/**
 * CSAT (issue 5): one rating per conversation, given by its visitor after close and changeable
 * within the site's window. `agentId` is the agent assigned when the conversation closed: the one
 * the rating is credited to.
 */
export const csatRatings = sqliteTable(
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

/**
 * Proactive triggers (issue 4), owner-configured. `rule` is JSON parsed by TriggerRuleInputSchema
 * (packages/protocol/src/triggers.ts) on every read. Ids sort by creation time: ties in priority go
 * to the older trigger.
 */
export const triggers = sqliteTable(
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

/**
 * What the loader reported about prompts and purchases (POST /api/widget/signals), for the
 * per-trigger figures. `at` is the visitor's clock: only compared within one visit.
 */
export const triggerEvents = sqliteTable(
  'trigger_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    siteId: text('site_id').$type<SiteId>().notNull().references(() => sites.id, { onDelete: 'cascade' }),
    visitId: text('visit_id').notNull(),
    type: text('type', { enum: ['shown', 'dismissed', 'engaged', 'purchase'] }).notNull(),
    triggerId: text('trigger_id'),
    value: real('value'),
    currency: text('currency'),
    at: ms('at'),
    receivedAt: ms('received_at'),
  },
  (t) => [index('trigger_events_site_trigger_idx').on(t.siteId, t.triggerId, t.type), index('trigger_events_visit_idx').on(t.siteId, t.visitId)],
);

/**
 * Team invitations by link (issue 6). The link carries a random token; only its SHA-256 is stored,
 * so the database cannot be used to accept an invitation. Single use: `acceptedAt` is set in the
 * same transaction that creates the membership.
 */
export const invitations = sqliteTable(
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
    acceptedAt: integer('accepted_at'),
    revokedAt: integer('revoked_at'),
  },
  (t) => [index('invitations_site_idx').on(t.siteId, t.createdAt)],
);

/**
 * Canned replies (issue 6). `agentId` null = site-wide (owners write them); else personal to that
 * agent. A shortcut is unique within its scope: per site for site-wide ones, per agent and site for
 * personal ones (two partial indexes, since SQLite treats nulls as distinct).
 */
export const cannedReplies = sqliteTable(
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

/** Internal notes: never in `messages`, so no visitor path (sync, transcript, FTS) can reach them. */
export const conversationNotes = sqliteTable(
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
    /** Idempotency key: a resend of the same note by the same agent is the same note. */
    clientId: text('client_id').notNull(),
    body: text('body').notNull(),
    createdAt: ms('created_at'),
  },
  (t) => [index('conversation_notes_conversation_idx').on(t.conversationId, t.createdAt), uniqueIndex('conversation_notes_author_client').on(t.authorId, t.clientId)],
);

export const labels = sqliteTable(
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

export const conversationLabels = sqliteTable(
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

/** `Hearth('track')` events per visitor: idempotent by (visitor, event id), the newest 200 kept. */
export const visitorEvents = sqliteTable(
  'visitor_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    siteId: text('site_id').$type<SiteId>().notNull(),
    visitorId: text('visitor_id').$type<VisitorId>().notNull().references(() => visitors.id, { onDelete: 'cascade' }),
    eventId: text('event_id').notNull(),
    name: text('name').notNull(),
    /** Flat JSON object, validated by VisitorAttributesSchema. */
    props: text('props').notNull().default('{}'),
    at: ms('at'),
    receivedAt: ms('received_at'),
  },
  (t) => [uniqueIndex('visitor_events_visitor_event').on(t.visitorId, t.eventId), index('visitor_events_visitor_at_idx').on(t.visitorId, t.at)],
);

/**
 * Due work as rows (accept deadlines, reconnect grace, follow-up mail checks, outbox senders …):
 * never a setTimeout that only one process knows about. One row per (kind, key): scheduling the
 * same key again moves it. A node claims due rows with a lease (`FOR UPDATE SKIP LOCKED` on
 * PostgreSQL), so one job runs on one node at a time, and a dead node's lease simply expires.
 */
export const jobs = sqliteTable(
  'jobs',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(),
    key: text('key').notNull(),
    siteId: text('site_id').$type<SiteId>().references(() => sites.id, { onDelete: 'cascade' }),
    /** JSON, shaped by the kind's handler. */
    payload: text('payload').notNull().default('{}'),
    dueAt: ms('due_at'),
    attempts: integer('attempts').notNull().default(0),
    /** Who holds the job now: a random token per claim; null when free. */
    lease: text('lease'),
    leaseUntil: integer('lease_until'),
    lastError: text('last_error'),
    createdAt: ms('created_at'),
  },
  (t) => [uniqueIndex('jobs_kind_key').on(t.kind, t.key), index('jobs_due_idx').on(t.dueAt)],
);

// Issue 13's tables (mail outbox, account recovery, deactivated members, install check).
export * from './schema-accounts.ts';
export * from './schema-files.ts';
export * from './schema-integrations.ts';
