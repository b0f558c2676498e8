import { bigint, customType, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import type { ConversationId, FileId, FileKind, MessageId, SiteId, VisitorId } from '@hearth/protocol';
import { conversations, sites, visitors } from './pg-schema.ts';

/**
 * The PostgreSQL twin of schema-files.ts (issue 15's tables), re-exported by pg-schema.ts.
 * The comments on each table are in schema-files.ts.
 */

/** Epoch milliseconds. */
const ms = (name: string) => bigint(name, { mode: 'number' }).notNull();
const msOrNull = (name: string) => bigint(name, { mode: 'number' });
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

export const files = pgTable(
  'files',
  {
    id: text('id').$type<FileId>().primaryKey(),
    siteId: text('site_id').$type<SiteId>().notNull().references(() => sites.id, { onDelete: 'cascade' }),
    visitorId: text('visitor_id').$type<VisitorId>().notNull().references(() => visitors.id, { onDelete: 'cascade' }),
    conversationId: text('conversation_id').$type<ConversationId>().references(() => conversations.id, { onDelete: 'cascade' }),
    messageId: text('message_id').$type<MessageId>(),
    uploaderType: text('uploader_type', { enum: ['visitor', 'agent'] }).notNull(),
    uploaderId: text('uploader_id').notNull(),
    name: text('name').notNull(),
    mime: text('mime').notNull(),
    kind: text('kind').$type<FileKind>().notNull(),
    size: integer('size').notNull(),
    width: integer('width'),
    height: integer('height'),
    blobKey: text('blob_key').notNull(),
    thumbnailKey: text('thumbnail_key'),
    createdAt: ms('created_at'),
    attachedAt: msOrNull('attached_at'),
  },
  (t) => [
    index('files_message_idx').on(t.messageId),
    index('files_conversation_idx').on(t.conversationId),
    index('files_unattached_idx').on(t.attachedAt, t.createdAt),
    index('files_blob_idx').on(t.blobKey),
    index('files_thumbnail_idx').on(t.thumbnailKey),
  ],
);

export const fileBlobs = pgTable(
  'file_blobs',
  {
    key: text('key').notNull(),
    part: integer('part').notNull(),
    data: bytea('data').notNull(),
    createdAt: ms('created_at'),
  },
  (t) => [primaryKey({ columns: [t.key, t.part] })],
);
