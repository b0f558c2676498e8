/**
 * Pure decisions of the mail sender: what an SMTP failure means, and when to try again.
 */

/** What a failed try means for the mail (and, for visitor mail, for the address). */
export interface MailFailure {
  /** Trying again cannot help: the server refused this mail or this recipient (a 5xx). */
  permanent: boolean;
  /**
   * The server refused the recipient or the message for the recipient (a 5xx answer to RCPT TO or
   * DATA): the address is undeliverable. False for a refused sender (MAIL FROM), our own login, TLS
   * or connection trouble, which are this server's configuration, not the address.
   */
  recipientRejected: boolean;
  /** The server's answer, or the error, as owners see it. */
  response: string;
}

/** The parts of a nodemailer error this looks at. */
interface SmtpErrorLike {
  message?: unknown;
  code?: unknown;
  responseCode?: unknown;
  response?: unknown;
  command?: unknown;
}

/**
 * Reads a send error. 4xx and anything without an SMTP answer (refused connection, timeout, TLS,
 * DNS) are temporary; a 5xx at MAIL FROM, RCPT TO or DATA is permanent. A refused login (535) is
 * our configuration: temporary, so mail waits for the operator to fix SMTP_URL rather than being
 * dropped.
 *
 * @example classifySmtpError({ responseCode: 550, command: 'RCPT TO', response: '550 5.1.1 No such user' })
 * // { permanent: true, recipientRejected: true, response: '550 5.1.1 No such user' }
 */
export function classifySmtpError(error: unknown): MailFailure {
  const e = (error && typeof error === 'object' ? error : {}) as SmtpErrorLike;
  const code = typeof e.responseCode === 'number' ? e.responseCode : null;
  const command = typeof e.command === 'string' ? e.command.toUpperCase() : '';
  const answer = typeof e.response === 'string' && e.response ? e.response : null;
  const message = typeof e.message === 'string' && e.message ? e.message : String(error);
  const response = (answer ?? (typeof e.code === 'string' ? `${e.code}: ${message}` : message)).slice(0, 1000);
  const auth = e.code === 'EAUTH' || command === 'AUTH' || command.startsWith('AUTH ');
  const permanent = code !== null && code >= 500 && code < 600 && !auth;
  const recipientRejected = permanent && (command === 'RCPT TO' || command === 'DATA');
  return { permanent, recipientRejected, response };
}

/** A mail is given up after trying for this long (then `failed`, with the last answer). */
export const GIVE_UP_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * When to try again after `attempts` tries: `firstDelayMs` doubling up to one hour, ±10 % jitter
 * (so a backlog does not retry in lockstep); null once the next try would come more than
 * {@link GIVE_UP_AFTER_MS} after the mail was written.
 *
 * @example nextAttemptAt({ attempts: 1, createdAt: 0, now: 1000, firstDelayMs: 30_000, jitter: 0.5 }) // 31_000
 */
export function nextAttemptAt(input: { attempts: number; createdAt: number; now: number; firstDelayMs: number; jitter?: number }): number | null {
  const base = Math.min(input.firstDelayMs * 2 ** Math.max(0, input.attempts - 1), 3_600_000);
  const jitter = input.jitter ?? Math.random();
  const at = input.now + Math.round(base * (0.9 + 0.2 * jitter));
  return at - input.createdAt > GIVE_UP_AFTER_MS ? null : at;
}
