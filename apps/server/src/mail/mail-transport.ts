import { createTransport } from 'nodemailer';
import type { MailHeaders } from './mail.store.ts';

/** What the transport sends: one rendered mail to one address. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** `<id@domain>`, the same on every try. */
  messageId: string;
  headers: MailHeaders;
}

export interface MailTransport {
  /** Hands the mail to the SMTP server; resolves with its answer (`250 …`), rejects with nodemailer's error. */
  send(mail: OutgoingMail): Promise<string>;
  close(): void;
}

/**
 * SMTP through nodemailer, from `SMTP_URL` (`smtp://user:pass@host:587`, upgraded with STARTTLS
 * when the server offers it, or `smtps://…:465`). One connection per mail: Hearth's mail comes
 * one at a time from the outbox, and a fresh connection never trips over a server that closed an
 * idle one. Timeouts keep a try short, so an unreachable server delays the mail lane, never
 * blocks it.
 */
export function smtpTransport(config: { SMTP_URL: string; MAIL_FROM: string }): MailTransport {
  const transporter = createTransport(
    { url: config.SMTP_URL, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 60_000, disableFileAccess: true, disableUrlAccess: true },
    { from: config.MAIL_FROM },
  );
  return {
    async send(mail) {
      const { headers } = mail;
      const info = await transporter.sendMail({
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId,
        ...(headers.replyTo ? { replyTo: headers.replyTo } : {}),
        ...(headers.inReplyTo ? { inReplyTo: headers.inReplyTo } : {}),
        ...(headers.references?.length ? { references: headers.references } : {}),
        ...(headers.listUnsubscribe ? { list: { unsubscribe: { url: headers.listUnsubscribe, comment: 'Unsubscribe' } } } : {}),
        headers: {
          ...(headers.autoSubmitted ? { 'Auto-Submitted': 'auto-generated' } : {}),
          ...(headers.listUnsubscribe ? { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : {}),
        },
      });
      return String((info as { response?: unknown }).response ?? '250 OK');
    },
    close() {
      transporter.close();
    },
  };
}

/** The domain of `MAIL_FROM` (`Hearth <support@shop.example>` → `shop.example`), for Message-IDs; null if it has none. */
export function senderDomain(mailFrom: string): string | null {
  const address = /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom;
  const domain = address.split('@')[1]?.trim().toLowerCase();
  return domain && /^[a-z0-9.-]+$/.test(domain) ? domain : null;
}
