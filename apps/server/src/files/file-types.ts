import type { FileKind, FileSettings, UploadErrorCode } from '@hearth/protocol';
import { extensionOf } from './file-name.ts';

/** A type Hearth accepts: its kind, its one served MIME type, and the extensions a name may have. */
export interface AcceptedType {
  kind: FileKind;
  mime: string;
  extensions: readonly string[];
  /** Other MIME types a browser may declare for it. */
  aliases?: readonly string[];
}

/**
 * Every type an upload may be, keyed by `file-type`'s `ext` (plain text, which has no magic bytes,
 * is `txt`). Anything else (SVG, HTML, XML, scripts, executables, old binary Office formats,
 * BMP/TIFF/HEIC, archives whose expanded size cannot be read without expanding them such as 7z …) is refused: it could render as a page or run as a program.
 */
export const ACCEPTED_TYPES: Readonly<Record<string, AcceptedType>> = {
  png: { kind: 'image', mime: 'image/png', extensions: ['png'] },
  jpg: { kind: 'image', mime: 'image/jpeg', extensions: ['jpg', 'jpeg', 'jfif'], aliases: ['image/pjpeg'] },
  gif: { kind: 'image', mime: 'image/gif', extensions: ['gif'] },
  webp: { kind: 'image', mime: 'image/webp', extensions: ['webp'] },
  pdf: { kind: 'pdf', mime: 'application/pdf', extensions: ['pdf'], aliases: ['application/x-pdf'] },
  txt: {
    kind: 'text',
    mime: 'text/plain',
    extensions: ['txt', 'log', 'csv', 'tsv', 'md', 'json'],
    aliases: ['text/csv', 'text/markdown', 'text/x-markdown', 'text/tab-separated-values', 'application/json', 'text/x-log'],
  },
  docx: { kind: 'office', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'] },
  xlsx: { kind: 'office', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'] },
  pptx: { kind: 'office', mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', extensions: ['pptx'] },
  odt: { kind: 'office', mime: 'application/vnd.oasis.opendocument.text', extensions: ['odt'] },
  ods: { kind: 'office', mime: 'application/vnd.oasis.opendocument.spreadsheet', extensions: ['ods'] },
  odp: { kind: 'office', mime: 'application/vnd.oasis.opendocument.presentation', extensions: ['odp'] },
  zip: { kind: 'archive', mime: 'application/zip', extensions: ['zip'], aliases: ['application/x-zip-compressed'] },
  gz: { kind: 'archive', mime: 'application/gzip', extensions: ['gz', 'tgz'], aliases: ['application/x-gzip'] },
};

/** Raster images a browser may show inline from Hearth's origin (re-encoded by the server first). */
export const INLINE_MIME = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

export type TypeDecision = { ok: true; ext: string; type: AcceptedType } | { ok: false; code: UploadErrorCode; message: string };

const KIND_NAMES: Record<FileKind, string> = { image: 'Images', pdf: 'PDFs', text: 'Text files', office: 'Office documents', archive: 'Archives' };

/**
 * Decides what an upload is from what its bytes say (`detected`: file-type's `ext`, or `txt` when
 * the bytes are clean UTF-8 text, or null), then checks the name and the declared type agree and
 * the site allows the kind. Pure.
 *
 * @example decideType('png', 'shot.pdf', 'application/pdf', settings) // { ok: false, code: 'file_type_mismatch', … }
 */
export function decideType(detected: string | null, name: string, declared: string, settings: FileSettings): TypeDecision {
  const type = detected ? ACCEPTED_TYPES[detected] : undefined;
  if (!detected || !type) return { ok: false, code: 'file_type_not_allowed', message: 'This type of file cannot be sent.' };
  if (!settings.kinds[type.kind]) return { ok: false, code: 'file_type_not_allowed', message: `${KIND_NAMES[type.kind]} cannot be sent here.` };
  const extension = extensionOf(name);
  if (extension !== '' && !type.extensions.includes(extension)) {
    return { ok: false, code: 'file_type_mismatch', message: `The file's name says .${extension} but its content is ${type.extensions[0]!.toUpperCase()}.` };
  }
  const mime = declared.split(';')[0]!.trim().toLowerCase();
  if (mime !== '' && mime !== 'application/octet-stream' && mime !== type.mime && !type.aliases?.includes(mime)) {
    return { ok: false, code: 'file_type_mismatch', message: `The file was sent as ${mime} but its content is ${type.extensions[0]!.toUpperCase()}.` };
  }
  return { ok: true, ext: detected, type };
}

/** The name with the type's extension added when it has none (a pasted `image` becomes `image.png`). */
export function withExtension(name: string, type: AcceptedType): string {
  return extensionOf(name) === '' ? `${name}.${type.extensions[0]}` : name;
}
