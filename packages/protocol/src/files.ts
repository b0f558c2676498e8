import { z } from 'zod';

/**
 * Files in the chat (issue 15): a file is uploaded first (HTTP, `POST /api/files`), then a message
 * names its id in `attachments`. The server decides the kind from the bytes, never from the name.
 *
 * @example FileSettingsSchema.parse({}) // 10 MB, images/PDF/text/office on, archives off, 5 per message
 */

/** What a file is, as the site's settings allow or refuse it. */
export const FILE_KINDS = ['image', 'pdf', 'text', 'office', 'archive'] as const;
export const FileKindSchema = z.enum(FILE_KINDS);
export type FileKind = z.infer<typeof FileKindSchema>;

/** The largest maximum size a site may set, in bytes (the upload route's hard ceiling). */
export const FILE_SIZE_CEILING = 50 * 1024 * 1024;
/** Files one message may carry at most, whatever the site says. */
export const FILES_PER_MESSAGE_CEILING = 10;

export const FileIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'must be an id')
  .brand<'FileId'>();
export type FileId = z.infer<typeof FileIdSchema>;

/** Per-site limits (Settings → Files). */
export const FileSettingsSchema = z.strictObject({
  /** Largest file a visitor or agent may upload, in bytes. */
  maxBytes: z
    .number()
    .int()
    .min(1024)
    .max(FILE_SIZE_CEILING)
    .default(10 * 1024 * 1024),
  /** Kinds that may be uploaded; archives are off by default (they hide what is inside). */
  kinds: z
    .strictObject({
      image: z.boolean().default(true),
      pdf: z.boolean().default(true),
      text: z.boolean().default(true),
      office: z.boolean().default(true),
      archive: z.boolean().default(false),
    })
    .default({ image: true, pdf: true, text: true, office: true, archive: false }),
  /** Attachments one message may carry. */
  perMessage: z.number().int().min(1).max(FILES_PER_MESSAGE_CEILING).default(5),
});
export type FileSettings = z.infer<typeof FileSettingsSchema>;

/**
 * A file as a message carries it: what a client needs to draw a thumbnail or a chip. The bytes are
 * fetched through signed links (`POST /api/files/links`), never through this id alone.
 */
export interface Attachment {
  id: FileId;
  /** Cleaned for display and download (no path, no control or bidi characters, at most 120 characters). */
  name: string;
  /** Decided from the bytes (after re-encoding, for images). */
  mime: string;
  kind: FileKind;
  /** Bytes as stored. */
  size: number;
  /** Pixels, images only. */
  width: number | null;
  height: number | null;
}

export const AttachmentSchema = z.strictObject({
  id: FileIdSchema,
  name: z.string().min(1).max(200),
  mime: z.string().min(1).max(100),
  kind: FileKindSchema,
  size: z.number().int().min(1),
  width: z.number().int().min(1).nullable(),
  height: z.number().int().min(1).nullable(),
});

/** Ids named by a message being sent (uploaded by the sender, not yet sent). */
export const AttachmentIdsSchema = z.array(FileIdSchema).min(1).max(FILES_PER_MESSAGE_CEILING);

/** `POST /api/files` answers 201 with this. */
export interface UploadedFile {
  file: Attachment;
}

/** `POST /api/files/links`: signed links for files the caller may see (visitor: own conversations; agent: their sites'). */
export const FileLinksRequestSchema = z.strictObject({ ids: z.array(FileIdSchema).min(1).max(100) });
export interface FileLink {
  id: FileId;
  /** Full file; images inline, everything else as a download. Expires at `expiresAt`. */
  url: string;
  /** A small image (at most 320 px), images only. */
  thumbnailUrl: string | null;
  /** Epoch ms. */
  expiresAt: number;
}
export interface FileLinksResponse {
  links: FileLink[];
}

/** Why an upload was refused (HTTP 4xx `error.code`). */
export type UploadErrorCode =
  | 'file_empty'
  | 'file_too_large'
  | 'file_type_not_allowed'
  | 'file_type_mismatch'
  | 'file_unreadable'
  | 'file_too_many_pixels'
  | 'file_unsafe'
  | 'upload_incomplete';
