import { find } from 'linkifyjs';

export type TextPart = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

/** Only these schemes become links; `javascript:` and friends stay plain text. */
const SAFE_SCHEMES = /^(https?:|mailto:)/i;

/**
 * Splits user text into plain runs and links, for rendering as text nodes and <a> elements —
 * never as HTML. Bare domains become https links; unsafe schemes are left as text.
 *
 * @example splitLinks('see example.com') // [{kind:'text',text:'see '},{kind:'link',text:'example.com',href:'https://example.com'}]
 */
export function splitLinks(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let cursor = 0;
  for (const hit of find(text)) {
    if (hit.type !== 'url' && hit.type !== 'email') continue;
    const href = hit.type === 'url' && !/^[a-z][a-z0-9+.-]*:/i.test(hit.value) ? `https://${hit.value}` : hit.href;
    if (!SAFE_SCHEMES.test(href)) continue;
    if (hit.start > cursor) parts.push({ kind: 'text', text: text.slice(cursor, hit.start) });
    parts.push({ kind: 'link', text: hit.value, href });
    cursor = hit.end;
  }
  if (cursor < text.length) parts.push({ kind: 'text', text: text.slice(cursor) });
  return parts;
}
