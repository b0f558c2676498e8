import type { Attachment, ConversationId, FileId, FileKind, MessageId, SiteId, VisitorId } from '@hearth/protocol';

/** A file row as the routes and the sweep need it. */
export interface StoredFile extends Attachment {
  siteId: SiteId;
  visitorId: VisitorId;
  conversationId: ConversationId | null;
  messageId: MessageId | null;
  uploaderType: 'visitor' | 'agent';
  uploaderId: string;
  /** SHA-256 (hex) of the stored bytes: their key in the blob store. */
  blobKey: string;
  thumbnailKey: string | null;
  /** Epoch ms. */
  createdAt: number;
}

export interface NewFile {
  id: FileId;
  siteId: SiteId;
  visitorId: VisitorId;
  /** An agent's upload names the conversation it is for; a visitor's has none until sent. */
  conversationId: ConversationId | null;
  uploaderType: 'visitor' | 'agent';
  uploaderId: string;
  name: string;
  mime: string;
  kind: FileKind;
  size: number;
  width: number | null;
  height: number | null;
  blobKey: string;
  thumbnailKey: string | null;
  now: number;
}

export interface AttachFiles {
  ids: readonly FileId[];
  siteId: SiteId;
  /** The conversation's visitor: a file uploaded for another visitor is never linked. */
  visitorId: VisitorId;
  uploaderType: 'visitor' | 'agent';
  uploaderId: string;
  conversationId: ConversationId;
  messageId: MessageId;
  now: number;
}

/** A file someone shared, for the visitor sidebar, search and export. */
export interface SharedFile extends Attachment {
  conversationId: ConversationId;
  messageId: MessageId;
  uploaderType: 'visitor' | 'agent';
  /** Epoch ms, when the message carrying it was stored. */
  sharedAt: number;
}

/** File metadata (the bytes are in a blob store: files/blob-store.ts). */
export interface FileStore {
  /** The site and visitor of a conversation in one of `siteIds` (an agent's upload target), or null. */
  conversationOf(conversationId: ConversationId, siteIds: readonly SiteId[]): Promise<{ siteId: SiteId; visitorId: VisitorId } | null>;
  /** Inserts an unattached file (one row). */
  create(file: NewFile): Promise<void>;
  /** A file by id, or null. Callers check the caller may see it (site, visitor). */
  get(id: FileId): Promise<StoredFile | null>;
  /** Files by id (missing ids are left out), for signing links. */
  getMany(ids: readonly FileId[]): Promise<StoredFile[]>;
  /**
   * Links files to a message being stored: only the uploader's own, unattached files of `siteId`
   * and `visitorId` whose conversation is unset or `conversationId`. Returns their attachments in
   * the order of `ids`, or null (linking none) when any id is not such a file. A SELECT (FOR UPDATE
   * on PostgreSQL) then an UPDATE: of two messages naming the same upload, one links it.
   */
  attach(input: AttachFiles): Promise<Attachment[] | null>;
  /** Writes a message's attachments column (the message's own read model). */
  setMessageAttachments(messageId: MessageId, attachments: readonly Attachment[]): Promise<void>;
  /** Files shared in the visitor's conversations, newest first, at most `limit`. */
  ofVisitor(siteId: SiteId, visitorId: VisitorId, limit: number): Promise<SharedFile[]>;
  /** Files shared in one conversation, oldest first (export, transcripts). */
  ofConversation(conversationId: ConversationId): Promise<SharedFile[]>;
  /** Shared files of `siteIds` whose name contains `query` (case-insensitive), newest first. */
  searchByName(siteIds: readonly SiteId[], query: string, limit: number): Promise<SharedFile[]>;
  /** Deletes at most `limit` unattached files created before `before` (epoch ms); returns how many. */
  deleteUnattached(before: number, limit: number): Promise<number>;
  /** Deletes every file row of a site (erase); the sweep then deletes the bytes no row names. */
  deleteOfSite(siteId: SiteId): Promise<number>;
  /** Of `keys`, those that some file row still names (as its bytes or its thumbnail). */
  referencedKeys(keys: readonly string[]): Promise<Set<string>>;
}

/**
 * The database blob store's rows (FILES_STORE=database): parts of at most 256 KiB under a key.
 * A blob is written as parts under a temporary key, then renamed in one unit ({@link FileBlobRowStore.commit}).
 */
export interface FileBlobRowStore {
  putPart(key: string, part: number, data: Buffer, now: number): Promise<void>;
  /** One part, or null past the end. */
  readPart(key: string, part: number): Promise<Buffer | null>;
  /**
   * Renames `tempKey`'s parts to `key`; when `key` exists already (the same bytes uploaded before),
   * deletes the temporary parts instead and dates `key` to `now` (so the sweep spares it until its
   * row commits). Two statements, one unit.
   */
  commit(tempKey: string, key: string, now: number): Promise<void>;
  has(key: string): Promise<boolean>;
  delete(key: string): Promise<void>;
  /** Distinct keys after `after` in key order, at most `limit`, with their oldest part's time. */
  keys(after: string, limit: number): Promise<Array<{ key: string; createdAt: number }>>;
}

declare module '../store/store.ts' {
  interface StoreTx {
    files: FileStore;
    fileBlobs: FileBlobRowStore;
  }
}
