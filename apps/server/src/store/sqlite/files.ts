import { and, asc, desc, eq, getTableColumns, gt, inArray, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import { schema, type HearthDb } from '@hearth/db';
import type { Attachment } from '@hearth/protocol';
import type { FileBlobRowStore, FileStore } from '../../files/file.store.ts';
import { attachmentOf, escapeLike, inIdOrder, sharedFileOf, storedFileOf } from '../file-rows.ts';

const { conversations, files, fileBlobs, messages } = schema;

export function sqliteFileStore(db: HearthDb): FileStore {
  const shared = (rows: Array<typeof files.$inferSelect & { sharedAt: number }>) => rows.map(sharedFileOf);
  const sharedColumns = { ...getTableColumns(files), sharedAt: messages.createdAt };
  return {
    async conversationOf(conversationId, siteIds) {
      if (siteIds.length === 0) return null;
      return (
        db
          .select({ siteId: conversations.siteId, visitorId: conversations.visitorId })
          .from(conversations)
          .where(and(eq(conversations.id, conversationId), inArray(conversations.siteId, [...siteIds])))
          .get() ?? null
      );
    },
    async create(file) {
      const { now, ...row } = file;
      db.insert(files).values({ ...row, createdAt: now }).run();
    },
    async get(id) {
      const row = db.select().from(files).where(eq(files.id, id)).get();
      return row ? storedFileOf(row) : null;
    },
    async getMany(ids) {
      if (ids.length === 0) return [];
      return db.select().from(files).where(inArray(files.id, [...ids])).all().map(storedFileOf);
    },
    async attach(input) {
      const ids = [...new Set(input.ids)];
      const linkable = and(
        inArray(files.id, ids),
        eq(files.siteId, input.siteId),
        eq(files.visitorId, input.visitorId),
        eq(files.uploaderType, input.uploaderType),
        eq(files.uploaderId, input.uploaderId),
        isNull(files.messageId),
        or(isNull(files.conversationId), eq(files.conversationId, input.conversationId)),
      );
      // All or nothing: a message naming one file it may not link links none.
      const found = db.select({ id: files.id }).from(files).where(linkable).all();
      if (found.length !== ids.length) return null;
      const rows = db
        .update(files)
        .set({ messageId: input.messageId, conversationId: input.conversationId, attachedAt: input.now })
        .where(inArray(files.id, ids))
        .returning()
        .all();
      return inIdOrder(rows.map(attachmentOf), ids);
    },
    async setMessageAttachments(messageId, attachments) {
      db.update(messages).set({ attachments: [...attachments] as Attachment[] }).where(eq(messages.id, messageId)).run();
    },
    async ofVisitor(siteId, visitorId, limit) {
      const rows = db
        .select(sharedColumns)
        .from(files)
        .innerJoin(messages, eq(messages.id, files.messageId))
        .where(and(eq(files.siteId, siteId), eq(files.visitorId, visitorId)))
        .orderBy(desc(messages.createdAt), desc(files.id))
        .limit(limit)
        .all();
      return shared(rows);
    },
    async ofConversation(conversationId) {
      const rows = db
        .select(sharedColumns)
        .from(files)
        .innerJoin(messages, eq(messages.id, files.messageId))
        .where(eq(files.conversationId, conversationId))
        .orderBy(asc(messages.seq), asc(files.createdAt))
        .all();
      return shared(rows);
    },
    async searchByName(siteIds, query, limit) {
      if (siteIds.length === 0 || query.trim() === '') return [];
      const rows = db
        .select(sharedColumns)
        .from(files)
        .innerJoin(messages, eq(messages.id, files.messageId))
        .where(and(inArray(files.siteId, [...siteIds]), sql`lower(${files.name}) like ${`%${escapeLike(query.trim().toLowerCase())}%`} escape '\\'`))
        .orderBy(desc(messages.createdAt))
        .limit(limit)
        .all();
      return shared(rows);
    },
    async deleteUnattached(before, limit) {
      const doomed = db
        .select({ id: files.id })
        .from(files)
        .where(and(isNull(files.attachedAt), lt(files.createdAt, before)))
        .limit(limit)
        .all();
      if (doomed.length === 0) return 0;
      db.delete(files).where(inArray(files.id, doomed.map((d) => d.id))).run();
      return doomed.length;
    },
    async deleteOfSite(siteId) {
      return db.delete(files).where(eq(files.siteId, siteId)).run().changes;
    },
    async referencedKeys(keys) {
      if (keys.length === 0) return new Set();
      const list = [...keys];
      const rows = db
        .select({ blobKey: files.blobKey, thumbnailKey: files.thumbnailKey })
        .from(files)
        .where(or(inArray(files.blobKey, list), and(isNotNull(files.thumbnailKey), inArray(files.thumbnailKey, list))))
        .all();
      const wanted = new Set(list);
      return new Set(rows.flatMap((r) => [r.blobKey, r.thumbnailKey]).filter((k): k is string => k !== null && wanted.has(k)));
    },
  };
}

export function sqliteFileBlobRowStore(db: HearthDb): FileBlobRowStore {
  return {
    async putPart(key, part, data, now) {
      db.insert(fileBlobs).values({ key, part, data, createdAt: now }).run();
    },
    async readPart(key, part) {
      return db.select({ data: fileBlobs.data }).from(fileBlobs).where(and(eq(fileBlobs.key, key), eq(fileBlobs.part, part))).get()?.data ?? null;
    },
    async commit(tempKey, key, now) {
      const exists = db.select({ key: fileBlobs.key }).from(fileBlobs).where(eq(fileBlobs.key, key)).limit(1).get();
      if (exists) {
        db.delete(fileBlobs).where(eq(fileBlobs.key, tempKey)).run();
        // Written again just now: the sweep must not take it for old garbage before its row commits.
        db.update(fileBlobs).set({ createdAt: now }).where(eq(fileBlobs.key, key)).run();
      } else db.update(fileBlobs).set({ key }).where(eq(fileBlobs.key, tempKey)).run();
    },
    async has(key) {
      return db.select({ key: fileBlobs.key }).from(fileBlobs).where(eq(fileBlobs.key, key)).limit(1).get() !== undefined;
    },
    async delete(key) {
      db.delete(fileBlobs).where(eq(fileBlobs.key, key)).run();
    },
    async keys(after, limit) {
      return db
        .select({ key: fileBlobs.key, createdAt: sql<number>`min(${fileBlobs.createdAt})` })
        .from(fileBlobs)
        .where(gt(fileBlobs.key, after))
        .groupBy(fileBlobs.key)
        .orderBy(asc(fileBlobs.key))
        .limit(limit)
        .all();
    },
  };
}
