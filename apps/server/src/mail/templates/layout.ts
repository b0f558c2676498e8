import { textColorOn } from '@hearth/chat-client';

/** A rendered mail: what the outbox keeps and the transport sends. */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** Whose mail it looks like: the site's name and brand colour, or Hearth's for account mail. */
export interface MailLook {
  name: string;
  /** `#rrggbb`. */
  brandColor: string;
}

export const HEARTH_LOOK: MailLook = { name: 'Hearth', brandColor: '#4f46e5' };

/** One mail's words, already in the recipient's language; the layout adds nothing but structure. */
export interface MailContent {
  subject: string;
  /** The first line, also the inbox preview. */
  heading: string;
  paragraphs: string[];
  /** The one thing to do, as a button (and a plain link in the text part). */
  action?: { label: string; url: string; fallback: string };
  /** Paragraphs after the button (e.g. "if this was not you …"). */
  after?: string[];
  footer: string;
  /** `lang` of the HTML part (`en`, `de`, `es`). */
  lang: string;
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Only http(s) links become buttons: a template can never produce a javascript: or data: link. */
function safeUrl(url: string): string {
  return /^https?:\/\//i.test(url) ? url : 'about:blank';
}

/**
 * The text and HTML parts of a mail. The HTML is a single-column table (what mail clients render
 * alike), every value escaped; the header band and the button use the site's brand colour with
 * black or white text, whichever passes WCAG AA on it.
 */
export function renderMail(given: MailLook, content: MailContent): RenderedMail {
  // The colour goes into style attributes: anything but #rrggbb falls back to Hearth's.
  const look = /^#[0-9a-f]{6}$/i.test(given.brandColor) ? given : { ...given, brandColor: HEARTH_LOOK.brandColor };
  const onBrand = textColorOn(look.brandColor);
  const text = [
    content.heading,
    '',
    ...content.paragraphs.flatMap((p) => [p, '']),
    ...(content.action ? [`${content.action.label}:`, safeUrl(content.action.url), ''] : []),
    ...(content.after ?? []).flatMap((p) => [p, '']),
    '-- ',
    content.footer,
  ].join('\n');

  const paragraph = (p: string) => `<p style="margin:0 0 16px;font-size:15px;line-height:1.5;color:#1f2937">${escapeHtml(p)}</p>`;
  const action = content.action
    ? `<table role="presentation" cellpadding="0" cellspacing="0" style="margin:8px 0 24px"><tr><td style="border-radius:6px;background:${look.brandColor}">` +
      `<a href="${escapeHtml(safeUrl(content.action.url))}" style="display:inline-block;padding:12px 20px;font-size:15px;font-weight:600;color:${onBrand};text-decoration:none;border-radius:6px">${escapeHtml(content.action.label)}</a>` +
      `</td></tr></table>` +
      `<p style="margin:0 0 16px;font-size:13px;line-height:1.5;color:#4b5563">${escapeHtml(content.action.fallback)}<br><a href="${escapeHtml(safeUrl(content.action.url))}" style="color:#1d4ed8;word-break:break-all">${escapeHtml(content.action.url)}</a></p>`
    : '';
  const html =
    `<!doctype html><html lang="${escapeHtml(content.lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(content.subject)}</title></head>` +
    `<body style="margin:0;padding:0;background:#f3f4f6;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif">` +
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f3f4f6;padding:24px 12px"><tr><td align="center">` +
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border-radius:8px;overflow:hidden">` +
    `<tr><td style="background:${look.brandColor};color:${onBrand};padding:16px 24px;font-size:16px;font-weight:700">${escapeHtml(look.name)}</td></tr>` +
    `<tr><td style="padding:24px">` +
    `<h1 style="margin:0 0 16px;font-size:20px;line-height:1.3;color:#111827">${escapeHtml(content.heading)}</h1>` +
    content.paragraphs.map(paragraph).join('') +
    action +
    (content.after ?? []).map(paragraph).join('') +
    `</td></tr>` +
    `<tr><td style="padding:16px 24px;border-top:1px solid #e5e7eb;font-size:12px;line-height:1.5;color:#4b5563">${escapeHtml(content.footer)}</td></tr>` +
    `</table></td></tr></table></body></html>`;
  return { subject: content.subject, text, html };
}
