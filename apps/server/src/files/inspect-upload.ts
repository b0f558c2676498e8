import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { fileTypeFromFile } from 'file-type';
import sharp from 'sharp';
import type { FileSettings, UploadErrorCode } from '@hearth/protocol';
import { decideType, withExtension, type AcceptedType } from './file-types.ts';
import { ZIP_LIMITS, zipBombReason } from './zip-check.ts';

/** Largest image Hearth decodes, in pixels (all frames): a decompression bomb stops at the header. */
export const MAX_IMAGE_PIXELS = 40_000_000;
/** Thumbnails fit in this square, in pixels. */
export const THUMBNAIL_SIZE = 320;

export class UploadRefused extends Error {
  constructor(
    readonly code: UploadErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** What is stored for an accepted upload. */
export interface InspectedFile {
  name: string;
  type: AcceptedType;
  /** The bytes to store: the spooled file as it came (documents), or the re-encoded image. */
  content: { path: string } | { data: Buffer };
  size: number;
  width: number | null;
  height: number | null;
  /** A small WebP for images. */
  thumbnail: Buffer | null;
}

/**
 * Decides whether a spooled upload may be stored and what exactly is stored. The type comes from
 * the bytes (file-type, or a strict UTF-8 check for text); images are decoded and re-encoded by
 * sharp under a pixel limit (which drops EXIF/GPS and anything appended to the image, such as a
 * polyglot's script); ZIP-based files are checked for bombs. Throws {@link UploadRefused}.
 */
export async function inspectUpload(path: string, size: number, name: string, declared: string, settings: FileSettings): Promise<InspectedFile> {
  const detected = (await fileTypeFromFile(path))?.ext ?? ((await isPlainText(path)) ? 'txt' : null);
  const decision = decideType(detected, name, declared, settings);
  if (!decision.ok) throw new UploadRefused(decision.code, decision.message);
  const { type } = decision;
  const finalName = withExtension(name, type);
  if (type.kind === 'image') return { name: finalName, type, ...(await reencodeImage(path, type)) };
  if (decision.ext === 'gz') await refuseGzipBomb(path, size);
  if (type.mime.startsWith('application/zip') || type.kind === 'office') {
    const reason = await zipBombReason(path, size);
    if (reason) throw new UploadRefused('file_unsafe', reason);
  }
  return { name: finalName, type, content: { path }, size, width: null, height: null, thumbnail: null };
}

async function reencodeImage(path: string, type: AcceptedType): Promise<Omit<InspectedFile, 'name' | 'type'>> {
  const animated = type.mime === 'image/gif' || type.mime === 'image/webp';
  // failOn 'warning': a truncated or corrupt image is refused rather than stored half grey.
  const input = () => sharp(path, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'warning', animated, sequentialRead: true });
  try {
    const meta = await input().metadata();
    const pages = meta.pages ?? 1;
    if ((meta.width ?? 0) * (meta.pageHeight ?? meta.height ?? 0) * pages > MAX_IMAGE_PIXELS) throw new UploadRefused('file_too_many_pixels', tooManyPixels());
    // autoOrient applies the EXIF rotation; the output keeps no metadata (sharp's default).
    const pipeline = input().autoOrient();
    const encoded =
      type.mime === 'image/png'
        ? pipeline.png({ compressionLevel: 6 })
        : type.mime === 'image/jpeg'
          ? pipeline.jpeg({ quality: 85 })
          : type.mime === 'image/gif'
            ? pipeline.gif()
            : pipeline.webp({ quality: 85 });
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    const thumbnail = await sharp(data, { limitInputPixels: MAX_IMAGE_PIXELS })
      .resize(THUMBNAIL_SIZE, THUMBNAIL_SIZE, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 75 })
      .toBuffer();
    return { content: { data }, size: data.length, width: info.width, height: info.pageHeight ?? info.height, thumbnail };
  } catch (error) {
    if (error instanceof UploadRefused) throw error;
    const message = error instanceof Error ? error.message : '';
    if (/pixel limit/i.test(message)) throw new UploadRefused('file_too_many_pixels', tooManyPixels());
    throw new UploadRefused('file_unreadable', 'This image is damaged or incomplete.');
  }
}

const tooManyPixels = () => `Images may have at most ${MAX_IMAGE_PIXELS / 1_000_000} million pixels.`;

/**
 * Text is what file-type cannot name: accepted only as strict UTF-8 without NUL or other C0 control
 * characters (tab, newlines and form feed aside) and not starting like markup, so HTML, SVG and XML
 * never pass as text whatever they are called.
 */
async function isPlainText(path: string): Promise<boolean> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let first = true;
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 64 * 1024 })) {
      const text = decoder.decode(chunk as Buffer, { stream: true });
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this looks for.
      if (/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text)) return false;
      if (first && /^\uFEFF?\s*</.test(text)) return false;
      first = false;
    }
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}

/** gzip's trailer holds the expanded size (mod 4 GiB): enough to refuse a bomb without expanding it. */
async function refuseGzipBomb(path: string, size: number): Promise<void> {
  const handle = await open(path, 'r');
  try {
    const trailer = Buffer.alloc(4);
    await handle.read(trailer, 0, 4, Math.max(0, size - 4));
    const expanded = trailer.readUInt32LE(0);
    if (expanded > ZIP_LIMITS.uncompressedBytes || (expanded > 1024 * 1024 && expanded > size * ZIP_LIMITS.ratio)) {
      throw new UploadRefused('file_unsafe', 'The archive is compressed suspiciously well (a zip bomb?).');
    }
  } finally {
    await handle.close();
  }
}
