import { bigint, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import type { AgentId, SiteId } from '@hearth/protocol';
import { agents, sites } from './pg-schema.ts';

/**
 * The PostgreSQL twin of schema-accounts.ts (issue 13's tables), re-exported by pg-schema.ts.
 * The comments on each table are in schema-accounts.ts.
 */

/** Epoch milliseconds. */
const ms = (name: string) => bigint(name, { mode: 'number' }).notNull();
const msOrNull = (name: string) => bigint(name, { mode: 'number' });

export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: text('id').primaryKey(),
    siteId: text('site_id').$type<SiteId>().references(() => sites.id, { onDelete: 'cascade' }),
    agentId: text('agent_id').$type<AgentId>().references(() => agents.id, { onDelete: 'set null' }),
    kind: text('kind').notNull(),
    ref: text('ref'),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    text: text('text'),
    html: text('html'),
    headers: text('headers').notNull().default('{}'),
    messageId: text('message_id').notNull().unique(),
    status: text('status', { enum: ['queued', 'sending', 'sent', 'retrying', 'failed'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastResponse: text('last_response'),
    sendingUntil: msOrNull('sending_until'),
    nextAttemptAt: msOrNull('next_attempt_at'),
    createdAt: ms('created_at'),
    updatedAt: ms('updated_at'),
    sentAt: msOrNull('sent_at'),
  },
  (t) => [index('mail_outbox_site_idx').on(t.siteId, t.createdAt), index('mail_outbox_agent_idx').on(t.agentId), index('mail_outbox_status_idx').on(t.status, t.createdAt)],
);

export const passwordResets = pgTable(
  'password_resets',
  {
    tokenHash: text('token_hash').primaryKey(),
    agentId: text('agent_id').$type<AgentId>().notNull().references(() => agents.id, { onDelete: 'cascade' }),
    createdAt: ms('created_at'),
    expiresAt: ms('expires_at'),
    usedAt: msOrNull('used_at'),
  },
  (t) => [index('password_resets_agent_idx').on(t.agentId, t.createdAt)],
);

export const emailChanges = pgTable(
  'email_changes',
  {
    tokenHash: text('token_hash').primaryKey(),
    agentId: text('agent_id').$type<AgentId>().notNull().references(() => agents.id, { onDelete: 'cascade' }),
    newEmail: text('new_email').notNull(),
    createdAt: ms('created_at'),
    expiresAt: ms('expires_at'),
    usedAt: msOrNull('used_at'),
  },
  (t) => [index('email_changes_agent_idx').on(t.agentId, t.createdAt)],
);

export const deactivatedMembers = pgTable(
  'deactivated_members',
  {
    siteId: text('site_id').$type<SiteId>().notNull().references(() => sites.id, { onDelete: 'cascade' }),
    agentId: text('agent_id').$type<AgentId>().notNull().references(() => agents.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['owner', 'agent'] }).notNull(),
    maxChats: integer('max_chats'),
    joinedAt: ms('joined_at'),
    deactivatedAt: ms('deactivated_at'),
    deactivatedBy: text('deactivated_by').$type<AgentId>(),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.agentId] }), index('deactivated_members_agent_idx').on(t.agentId)],
);

export const siteInstalls = pgTable(
  'site_installs',
  {
    siteId: text('site_id').$type<SiteId>().notNull().references(() => sites.id, { onDelete: 'cascade' }),
    origin: text('origin').notNull(),
    firstSeenAt: ms('first_seen_at'),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.origin] })],
);
