import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

/** A real SMTP server in the test process (smtp-server on 127.0.0.1), keeping what it received, parsed. */
export interface SmtpSink {
  port: number;
  /** For SMTP_URL. */
  url: string;
  mails: ParsedMail[];
  /** The next (or an already received) mail that `match` accepts; rejects after `ms`. */
  waitFor(match: (mail: ParsedMail) => boolean, ms?: number): Promise<ParsedMail>;
  /** Answers RCPT TO for this address with `code` (e.g. 550: no such user; 451: try later). */
  refuse(address: string, code: number, text: string): void;
  /** Takes mail for this address again. */
  allow(address: string): void;
  close(): Promise<void>;
}

const SUITE_FROM = 'Hearth <hearth@mail.test>';

/** Env for a Hearth server that sends through `sink` (first retry after 1 s). */
export const mailEnv = (sink: { url: string }): Record<string, string> => ({ SMTP_URL: sink.url, MAIL_FROM: SUITE_FROM, MAIL_RETRY_SECONDS: '1' });

/**
 * Starts a sink on `port` (0: a free one). Passing the port of a closed sink brings "the same
 * SMTP server" back after an outage.
 */
export async function startSmtpSink(port = 0): Promise<SmtpSink> {
  const mails: ParsedMail[] = [];
  const waiters: Array<() => void> = [];
  const refused = new Map<string, { code: number; text: string }>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    // A closed sink must let go of its port at once (the outage test listens on it again).
    closeTimeout: 100,
    onRcptTo(address, _session, callback) {
      const refusal = refused.get(address.address.toLowerCase());
      if (!refusal) return callback();
      callback(Object.assign(new Error(refusal.text), { responseCode: refusal.code }));
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          mails.push(mail);
          for (const wake of waiters.splice(0)) wake();
          callback();
        },
        (err: Error) => callback(err),
      );
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  return {
    port: actual,
    url: `smtp://127.0.0.1:${actual}`,
    mails,
    refuse(addr, code, text) {
      refused.set(addr.toLowerCase(), { code, text });
    },
    allow(addr) {
      refused.delete(addr.toLowerCase());
    },
    async waitFor(match, ms = 10_000) {
      const end = Date.now() + ms;
      for (;;) {
        const found = mails.find(match);
        if (found) return found;
        const left = end - Date.now();
        if (left <= 0) throw new Error(`no matching mail within ${ms} ms (received: ${mails.map((m) => m.subject).join(' | ') || 'none'})`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The address a parsed mail went to. */
export const toAddressOf = (mail: ParsedMail): string => {
  const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
  return to?.value[0]?.address?.toLowerCase() ?? '';
};

/** The first link in a mail's text part that contains `fragment`. */
export function linkIn(mail: ParsedMail, fragment: string): string {
  const link = (mail.text ?? '').split(/\s+/).find((word) => word.startsWith('http') && word.includes(fragment));
  if (!link) throw new Error(`no ${fragment} link in: ${mail.text}`);
  return link;
}
