import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { MultipartFile } from '@fastify/multipart';
import type { Attachment, ConversationId, FileId, FileSettings, SiteId, VisitorId } from '@hearth/protocol';
import type { Store } from '../store/store.ts';
import type { BlobStore } from './blob-store.ts';
import { cleanFileName } from './file-name.ts';
import { attachmentOf } from '../store/file-rows.ts';
import { inspectUpload, UploadRefused } from './inspect-upload.ts';

export interface UploadTarget {
  siteId: SiteId;
  visitorId: VisitorId;
  conversationId: ConversationId | null;
  uploaderType: 'visitor' | 'agent';
  uploaderId: string;
}

export interface UploadDeps {
  store: Store;
  blobs: BlobStore;
  /** Runs image decoding one (or a few) at a time: a 40-megapixel decode takes ~160 MB. */
  limitDecode: <T>(work: () => Promise<T>) => Promise<T>;
}

/**
 * One upload, start to finish: spools the multipart stream to a private temporary file (counting
 * bytes against the site's limit, so memory stays one chunk per upload), inspects it, stores the
 * bytes (and a thumbnail) in the blob store, then the row in one unit. Whatever fails — a refusal,
 * a client that hangs up halfway — leaves no row, and the temporary file is always deleted; bytes
 * already in the blob store without a row are deleted by the sweep.
 */
export async function uploadFile(deps: UploadDeps, part: MultipartFile, target: UploadTarget, settings: FileSettings): Promise<Attachment> {
  const spool = await mkdtemp(join(tmpdir(), 'hearth-upload-'));
  try {
    const path = join(spool, 'upload');
    let size = 0;
    try {
      await pipeline(
        part.file,
        async function* (chunks: AsyncIterable<Buffer>) {
          for await (const chunk of chunks) {
            size += chunk.length;
            yield chunk;
          }
        },
        createWriteStream(path, { flags: 'wx', mode: 0o600 }),
      );
    } catch (error) {
      // @fastify/multipart stops the stream at the site's limit with this code.
      if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE' || part.file.truncated) throw tooLarge(settings);
      throw new UploadRefused('upload_incomplete', 'The upload was interrupted; please try again.');
    }
    if (part.file.truncated) throw tooLarge(settings);
    if (size === 0) throw new UploadRefused('file_empty', 'The file is empty.');
    const name = cleanFileName(part.filename ?? '');
    const inspected = await deps.limitDecode(() => inspectUpload(path, size, name, part.mimetype ?? '', settings));
    const blob = await deps.blobs.put(inspected.content);
    const thumbnail = inspected.thumbnail ? await deps.blobs.put({ data: inspected.thumbnail }) : null;
    const row = {
      id: randomUUID() as FileId,
      ...target,
      name: inspected.name,
      mime: inspected.type.mime,
      kind: inspected.type.kind,
      size: blob.size,
      width: inspected.width,
      height: inspected.height,
      blobKey: blob.key,
      thumbnailKey: thumbnail?.key ?? null,
      now: Date.now(),
    };
    await deps.store.unit((tx) => tx.files.create(row));
    return attachmentOf({ ...row, messageId: null, createdAt: row.now });
  } finally {
    await rm(spool, { recursive: true, force: true });
  }
}

const tooLarge = (settings: FileSettings) => new UploadRefused('file_too_large', `Files may be at most ${formatBytes(settings.maxBytes)}.`);

/** `10 MB`, `512 KB`: for messages (1 MB = 1024 × 1024 bytes, as the settings page counts). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
  return `${Math.round(bytes / 1024)} KB`;
}
