export type TextPart = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

/*
 * Why not linkifyjs: it was 9.5 KB gzip of the widget panel's 35 KB budget (measured by
 * apps/widget/test/budget.test.ts), more than all of Hearth's own panel code. Chat needs far less
 * than a full TLD-aware tokenizer: explicit http(s) URLs, www. hosts, bare domains with a common
 * TLD, and email addresses. Everything else stays text, which is always the safe failure.
 */
const TLDS =
  'com|org|net|io|dev|app|co|ai|shop|store|info|biz|me|tv|eu|uk|de|fr|es|it|nl|be|ch|at|se|no|dk|fi|pl|pt|ie|us|ca|au|nz|in|jp|br|mx';
const EMAIL = String.raw`[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24}`;
const HOST = String.raw`(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+`;
const PATH = String.raw`(?:[/?#][^\s<>"']*)?`;
const URL_RE = new RegExp(
  String.raw`(${EMAIL})|(https?:\/\/[^\s<>"']+)|((?:www\.)${HOST}[A-Za-z]{2,24}(?::\d{1,5})?${PATH})|(\b${HOST}(?:${TLDS})\b(?::\d{1,5})?${PATH})`,
  'gi',
);
/** Punctuation that ends a sentence rather than a URL: "see example.com." */
const TRAILING = /[.,;:!?)\]}'"]+$/;

/**
 * Splits user text into plain runs and links, for rendering as text nodes and <a> elements —
 * never as HTML. Only http(s) and mailto links are produced; `javascript:`, `data:` and every
 * other scheme stay plain text.
 *
 * @example splitLinks('see example.com') // [{kind:'text',text:'see '},{kind:'link',text:'example.com',href:'https://example.com'}]
 */
export function splitLinks(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let cursor = 0;
  for (const match of text.matchAll(URL_RE)) {
    let value = match[0];
    const start = match.index;
    // A match glued to a preceding word character or scheme (e.g. "javascript:x.com") is not a link.
    const before = text[start - 1];
    if (before && /[\w@:/.-]/.test(before)) continue;
    const trailing = match[1] ? '' : (TRAILING.exec(value)?.[0] ?? '');
    // Keep a closing parenthesis that balances one inside the URL (Wikipedia-style links).
    const keep = trailing.startsWith(')') && value.slice(0, -trailing.length).includes('(') ? 1 : 0;
    value = value.slice(0, value.length - trailing.length + keep);
    const href = match[1] ? `mailto:${value}` : match[2] ? value : `https://${value}`;
    if (start > cursor) parts.push({ kind: 'text', text: text.slice(cursor, start) });
    parts.push({ kind: 'link', text: value, href });
    cursor = start + value.length;
  }
  if (cursor < text.length) parts.push({ kind: 'text', text: text.slice(cursor) });
  return parts;
}
