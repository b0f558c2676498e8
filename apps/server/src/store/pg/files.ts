import { and, asc, desc, eq, getTableColumns, gt, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import { pgSchema, type HearthPgDb } from '@hearth/db';
import type { FileBlobRowStore, FileStore } from '../../files/file.store.ts';
import { attachmentOf, escapeLike, inIdOrder, sharedFileOf, storedFileOf } from '../file-rows.ts';

const { conversations, files, fileBlobs, messages } = pgSchema;

export function pgFileStore(db: HearthPgDb): FileStore {
  const sharedColumns = { ...getTableColumns(files), sharedAt: messages.createdAt };
  return {
    async conversationOf(conversationId, siteIds) {
      if (siteIds.length === 0) return null;
      const [row] = await db
        .select({ siteId: conversations.siteId, visitorId: conversations.visitorId })
        .from(conversations)
        .where(and(eq(conversations.id, conversationId), inArray(conversations.siteId, [...siteIds])));
      return row ?? null;
    },
    async create(file) {
      const { now, ...row } = file;
      await db.insert(files).values({ ...row, createdAt: now });
    },
    async get(id) {
      const [row] = await db.select().from(files).where(eq(files.id, id));
      return row ? storedFileOf(row) : null;
    },
    async getMany(ids) {
      if (ids.length === 0) return [];
      return (await db.select().from(files).where(inArray(files.id, [...ids]))).map(storedFileOf);
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
      // FOR UPDATE decides a race: a second message naming the same upload waits for the first's
      // commit, then re-reads the row, finds message_id set and links nothing.
      const found = await db.select({ id: files.id }).from(files).where(linkable).for('update');
      if (found.length !== ids.length) return null;
      const rows = await db
        .update(files)
        .set({ messageId: input.messageId, conversationId: input.conversationId, attachedAt: input.now })
        .where(inArray(files.id, ids))
        .returning();
      return inIdOrder(rows.map(attachmentOf), ids);
    },
    async setMessageAttachments(messageId, attachments) {
      await db.update(messages).set({ attachments: [...attachments] }).where(eq(messages.id, messageId));
    },
    async ofVisitor(siteId, visitorId, limit) {
      const rows = await db
        .select(sharedColumns)
        .from(files)
        .innerJoin(messages, eq(messages.id, files.messageId))
        .where(and(eq(files.siteId, siteId), eq(files.visitorId, visitorId)))
        .orderBy(desc(messages.createdAt), desc(files.id))
        .limit(limit);
      return rows.map(sharedFileOf);
    },
    async ofConversation(conversationId) {
      const rows = await db
        .select(sharedColumns)
        .from(files)
        .innerJoin(messages, eq(messages.id, files.messageId))
        .where(eq(files.conversationId, conversationId))
        .orderBy(asc(messages.seq), asc(files.createdAt));
      return rows.map(sharedFileOf);
    },
    async searchByName(siteIds, query, limit) {
      if (siteIds.length === 0 || query.trim() === '') return [];
      const rows = await db
        .select(sharedColumns)
        .from(files)
        .innerJoin(messages, eq(messages.id, files.messageId))
        .where(and(inArray(files.siteId, [...siteIds]), sql`lower(${files.name}) like ${`%${escapeLike(query.trim().toLowerCase())}%`} escape '\\'`))
        .orderBy(desc(messages.createdAt))
        .limit(limit);
      return rows.map(sharedFileOf);
    },
    async deleteUnattached(before, limit) {
      // SKIP LOCKED: a row a message is linking right now is not this sweep's to delete.
      const deleted = await db.execute<{ id: string }>(
        sql`delete from ${files} where ${files.id} in (select ${files.id} from ${files} where ${files.attachedAt} is null and ${files.createdAt} < ${before} limit ${limit} for update skip locked) returning ${files.id}`,
      );
      return deleted.rows.length;
    },
    async deleteOfSite(siteId) {
      return (await db.delete(files).where(eq(files.siteId, siteId)).returning({ id: files.id })).length;
    },
    async referencedKeys(keys) {
      if (keys.length === 0) return new Set();
      const list = [...keys];
      const rows = await db
        .select({ blobKey: files.blobKey, thumbnailKey: files.thumbnailKey })
        .from(files)
        .where(or(inArray(files.blobKey, list), and(isNotNull(files.thumbnailKey), inArray(files.thumbnailKey, list))));
      const wanted = new Set(list);
      return new Set(rows.flatMap((r) => [r.blobKey, r.thumbnailKey]).filter((k): k is string => k !== null && wanted.has(k)));
    },
  };
}

export function pgFileBlobRowStore(db: HearthPgDb): FileBlobRowStore {
  return {
    async putPart(key, part, data, now) {
      await db.insert(fileBlobs).values({ key, part, data, createdAt: now });
    },
    async readPart(key, part) {
      const [row] = await db.select({ data: fileBlobs.data }).from(fileBlobs).where(and(eq(fileBlobs.key, key), eq(fileBlobs.part, part)));
      return row?.data ?? null;
    },
    async commit(tempKey, key, now) {
      // Two nodes committing the same bytes: the advisory lock on the key orders them, so the second
      // sees the first's rows and drops its own instead of colliding on the primary key.
      await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`file_blob:${key}`}))`);
      const [exists] = await db.select({ key: fileBlobs.key }).from(fileBlobs).where(eq(fileBlobs.key, key)).limit(1);
      if (exists) {
        await db.delete(fileBlobs).where(eq(fileBlobs.key, tempKey));
        // Written again just now: the sweep must not take it for old garbage before its row commits.
        await db.update(fileBlobs).set({ createdAt: now }).where(eq(fileBlobs.key, key));
      } else await db.update(fileBlobs).set({ key }).where(eq(fileBlobs.key, tempKey));
    },
    async has(key) {
      const [row] = await db.select({ key: fileBlobs.key }).from(fileBlobs).where(eq(fileBlobs.key, key)).limit(1);
      return row !== undefined;
    },
    async delete(key) {
      await db.delete(fileBlobs).where(eq(fileBlobs.key, key));
    },
    async keys(after, limit) {
      return db
        .select({ key: fileBlobs.key, createdAt: sql<number>`min(${fileBlobs.createdAt})`.mapWith(Number) })
        .from(fileBlobs)
        .where(gt(fileBlobs.key, after))
        .groupBy(fileBlobs.key)
        .orderBy(asc(fileBlobs.key))
        .limit(limit);
    },
  };
}
