import { blob, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { ConversationId, FileId, FileKind, MessageId, SiteId, VisitorId } from '@hearth/protocol';
import { conversations, sites, visitors } from './schema.ts';

/**
 * Files in the chat (issue 15). Re-exported by schema.ts, so drizzle-kit and `schema.*` see these
 * tables; the PostgreSQL twin is pg-schema-files.ts.
 */

/** Epoch milliseconds. */
const ms = (name: string) => integer(name).notNull();

/**
 * One uploaded file: its metadata and where its bytes are (`blob_key`, the SHA-256 of the stored
 * bytes, in the configured blob store). A row is born unattached (`message_id` null) when the upload
 * finishes; the unit that stores a message sets `message_id` and `conversation_id`. Unattached rows
 * older than the grace period are deleted by the `files.sweep` job. Bytes whose key no row names any
 * more are deleted by the same job (erase deletes rows; the sweep then deletes the bytes).
 */
export const files = sqliteTable(
  'files',
  {
    id: text('id').$type<FileId>().primaryKey(),
    siteId: text('site_id').$type<SiteId>().notNull().references(() => sites.id, { onDelete: 'cascade' }),
    /** The visitor whose conversation the file belongs to (the uploader, or the one an agent wrote to). */
    visitorId: text('visitor_id').$type<VisitorId>().notNull().references(() => visitors.id, { onDelete: 'cascade' }),
    /** Set at upload for an agent (they upload into a conversation); at send for a visitor. */
    conversationId: text('conversation_id').$type<ConversationId>().references(() => conversations.id, { onDelete: 'cascade' }),
    messageId: text('message_id').$type<MessageId>(),
    uploaderType: text('uploader_type', { enum: ['visitor', 'agent'] }).notNull(),
    uploaderId: text('uploader_id').notNull(),
    /** Cleaned (files/file-name.ts): safe to show and to put in Content-Disposition. */
    name: text('name').notNull(),
    mime: text('mime').notNull(),
    kind: text('kind').$type<FileKind>().notNull(),
    size: integer('size').notNull(),
    width: integer('width'),
    height: integer('height'),
    blobKey: text('blob_key').notNull(),
    thumbnailKey: text('thumbnail_key'),
    createdAt: ms('created_at'),
    attachedAt: integer('attached_at'),
  },
  (t) => [
    index('files_message_idx').on(t.messageId),
    index('files_conversation_idx').on(t.conversationId),
    index('files_unattached_idx').on(t.attachedAt, t.createdAt),
    index('files_blob_idx').on(t.blobKey),
    index('files_thumbnail_idx').on(t.thumbnailKey),
  ],
);

/**
 * The shared blob store (FILES_STORE=database, the default on PostgreSQL so every node sees every
 * file): a blob's bytes in parts of at most 256 KiB, written under a temporary key and renamed to
 * their SHA-256 in one unit, so a reader never sees half a blob.
 */
export const fileBlobs = sqliteTable(
  'file_blobs',
  {
    key: text('key').notNull(),
    part: integer('part').notNull(),
    data: blob('data', { mode: 'buffer' }).$type<Buffer>().notNull(),
    createdAt: ms('created_at'),
  },
  (t) => [primaryKey({ columns: [t.key, t.part] })],
);
