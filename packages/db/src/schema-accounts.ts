import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { AgentId, SiteId } from '@hearth/protocol';
import { agents, sites } from './schema.ts';

/**
 * Hearth for your own site (issue 13): the mail outbox, account recovery, deactivated members and
 * the install check. Re-exported by schema.ts, so drizzle-kit and `schema.*` see these tables.
 */

/** Epoch milliseconds. */
const ms = (name: string) => integer(name).notNull();

/**
 * Every mail Hearth sends, written in the same transaction as the fact that causes it (a reset
 * asked for, an invitation created) and delivered by the `mail.send` job with retries. A row is
 * the mail's whole life: queued → sending → sent, or retrying (a 4xx or no connection) → …, or
 * failed (a 5xx, or too many tries) with the SMTP server's answer. Bodies are cleared once sent
 * (a reset link must not outlive its use in the database); the row stays for the status page.
 */
export const mailOutbox = sqliteTable(
  'mail_outbox',
  {
    id: text('id').primaryKey(),
    /** The site the mail is about (an invitation), or null for account mail (reset, email change). */
    siteId: text('site_id').$type<SiteId>().references(() => sites.id, { onDelete: 'cascade' }),
    /** The account it is addressed to, when it is one: owners of its sites see its status. */
    agentId: text('agent_id').$type<AgentId>().references(() => agents.id, { onDelete: 'set null' }),
    /** What it is: `password-reset`, `invitation`, … (mail/mail-kinds.ts). */
    kind: text('kind').notNull(),
    /** An opaque reference for the kind (e.g. a conversation id), for threading and lookups. */
    ref: text('ref'),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    text: text('text'),
    html: text('html'),
    /** JSON: { replyTo?, inReplyTo?, references?, listUnsubscribe? } (mail/mail.store.ts MailHeaders). */
    headers: text('headers').notNull().default('{}'),
    /** `<id@domain>`, set at enqueue: a retried mail keeps it, so receivers can thread and de-duplicate. */
    messageId: text('message_id').notNull().unique(),
    status: text('status', { enum: ['queued', 'sending', 'sent', 'retrying', 'failed'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    /** The SMTP server's last answer (or the connection error): shown to owners. */
    lastResponse: text('last_response'),
    /** While `sending`: another node may take the mail over after this (its sender died mid-send). */
    sendingUntil: integer('sending_until'),
    nextAttemptAt: integer('next_attempt_at'),
    createdAt: ms('created_at'),
    updatedAt: ms('updated_at'),
    sentAt: integer('sent_at'),
  },
  (t) => [index('mail_outbox_site_idx').on(t.siteId, t.createdAt), index('mail_outbox_agent_idx').on(t.agentId), index('mail_outbox_status_idx').on(t.status, t.createdAt)],
);

/**
 * "Forgot password?": a single-use link valid one hour. Only the SHA-256 of its random token is
 * stored. Rows also count requests per account for the per-email rate limit.
 */
export const passwordResets = sqliteTable(
  'password_resets',
  {
    tokenHash: text('token_hash').primaryKey(),
    agentId: text('agent_id').$type<AgentId>().notNull().references(() => agents.id, { onDelete: 'cascade' }),
    createdAt: ms('created_at'),
    expiresAt: ms('expires_at'),
    usedAt: integer('used_at'),
  },
  (t) => [index('password_resets_agent_idx').on(t.agentId, t.createdAt)],
);

/** "Change email": the new address confirms by a single-use link (token stored hashed). */
export const emailChanges = sqliteTable(
  'email_changes',
  {
    tokenHash: text('token_hash').primaryKey(),
    agentId: text('agent_id').$type<AgentId>().notNull().references(() => agents.id, { onDelete: 'cascade' }),
    newEmail: text('new_email').notNull(),
    createdAt: ms('created_at'),
    expiresAt: ms('expires_at'),
    usedAt: integer('used_at'),
  },
  (t) => [index('email_changes_agent_idx').on(t.agentId, t.createdAt)],
);

/**
 * A deactivated member: their membership moves here (out of `memberships`), so every query that
 * scopes by membership — sign-in, sockets, routing, reports — leaves them out with no extra
 * filter; reactivating moves it back with its role and capacity.
 */
export const deactivatedMembers = sqliteTable(
  'deactivated_members',
  {
    siteId: text('site_id').$type<SiteId>().notNull().references(() => sites.id, { onDelete: 'cascade' }),
    agentId: text('agent_id').$type<AgentId>().notNull().references(() => agents.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['owner', 'agent'] }).notNull(),
    maxChats: integer('max_chats'),
    /** When they joined the site (the membership's createdAt). */
    joinedAt: ms('joined_at'),
    deactivatedAt: ms('deactivated_at'),
    deactivatedBy: text('deactivated_by').$type<AgentId>(),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.agentId] }), index('deactivated_members_agent_idx').on(t.agentId)],
);

/**
 * The install check: origins the widget's config was first requested from (its `Origin`), per
 * site. Bounded: only allowed origins, or the first few while any origin may embed.
 */
export const siteInstalls = sqliteTable(
  'site_installs',
  {
    siteId: text('site_id').$type<SiteId>().notNull().references(() => sites.id, { onDelete: 'cascade' }),
    origin: text('origin').notNull(),
    firstSeenAt: ms('first_seen_at'),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.origin] })],
);
