/** Longest cleaned name, in characters (code points), extension included. */
export const FILE_NAME_MAX = 120;
const EXTENSION_MAX = 16;

/**
 * Control characters, bidi controls and other invisible format characters: U+202E (right-to-left
 * override) turns `invoice‮fdp.exe` into what reads as `invoiceexe.pdf`; zero-width characters hide
 * what a name says. Path separators and the characters Windows refuses in names become `_`.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\u2028\u2029]/gu;
const UNSAFE = /[<>:"|?*\\/]/g;

/**
 * A file name fit to show and to put in a download's Content-Disposition: the last path segment,
 * NFC, without control, bidi or format characters, without leading dots (no hidden or `..` names),
 * spaces collapsed, at most {@link FILE_NAME_MAX} characters with the extension kept. Never empty.
 *
 * @example cleanFileName('../../etc/passwd') // 'passwd'
 * @example cleanFileName('invoice\u202Efdp.exe') // 'invoicefdp.exe'
 */
export function cleanFileName(raw: string): string {
  const lastSegment = raw.split(/[/\\]/).pop() ?? '';
  let name = lastSegment.normalize('NFC').replace(INVISIBLE, '').replace(UNSAFE, '_').replace(/\s+/g, ' ').trim();
  name = name.replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
  if (name === '') return 'file';
  const chars = [...name];
  if (chars.length <= FILE_NAME_MAX) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? [...name.slice(dot)] : [];
  if (extension.length > 1 && extension.length <= EXTENSION_MAX) {
    const stem = [...name.slice(0, dot)].slice(0, FILE_NAME_MAX - extension.length).join('').trimEnd();
    return stem + extension.join('');
  }
  return chars.slice(0, FILE_NAME_MAX).join('').trimEnd();
}

/** The lower-case extension of a cleaned name without its dot, or '' when it has none. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/**
 * `Content-Disposition` for a cleaned name: an ASCII fallback and the exact name in RFC 8187's
 * `filename*`, so no quote, backslash or newline can end the header value early.
 */
export function contentDisposition(type: 'inline' | 'attachment', name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
