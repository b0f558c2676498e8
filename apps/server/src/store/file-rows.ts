import type { Attachment, ConversationId, MessageId } from '@hearth/protocol';
import type { NewFile, SharedFile, StoredFile } from '../files/file.store.ts';

/**
 * Files (issue 15): row mapping shared by both store adapters (sqlite/files.ts, pg/files.ts): the two
 * schemas have the same property names (schema-parity.ts), so one mapping serves both.
 */
/** A files row: what was inserted (`NewFile` without its clock) plus the message link and the insert time. */
export interface FileRow extends Omit<NewFile, 'now'> {
  messageId: MessageId | null;
  /** Epoch ms. */
  createdAt: number;
}

export function attachmentOf(row: FileRow): Attachment {
  return { id: row.id, name: row.name, mime: row.mime, kind: row.kind, size: row.size, width: row.width, height: row.height };
}

export function storedFileOf(row: FileRow): StoredFile {
  return {
    ...attachmentOf(row),
    siteId: row.siteId,
    visitorId: row.visitorId,
    conversationId: row.conversationId,
    messageId: row.messageId,
    uploaderType: row.uploaderType,
    uploaderId: row.uploaderId,
    blobKey: row.blobKey,
    thumbnailKey: row.thumbnailKey,
    createdAt: row.createdAt,
  };
}

export function sharedFileOf(row: FileRow & { sharedAt: number }): SharedFile {
  return {
    ...attachmentOf(row),
    conversationId: row.conversationId as ConversationId,
    messageId: row.messageId as MessageId,
    uploaderType: row.uploaderType,
    sharedAt: row.sharedAt,
  };
}

/** `items` in the order of `ids` (a message shows its files in the order the sender chose). */
export function inIdOrder<T extends { id: string }>(items: readonly T[], ids: readonly string[]): T[] {
  const byId = new Map(items.map((i) => [i.id, i]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Escapes LIKE's wildcards (with `escape '\'`), so a search for `50%` finds the text `50%`. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
