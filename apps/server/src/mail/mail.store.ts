import type { AgentId, SiteId } from '@hearth/protocol';
import type { MailKind } from './mail-kinds.ts';

/**
 * Headers beyond From/To/Subject. Account mail uses `autoSubmitted`; visitor mail (continuity by
 * email) threads with `inReplyTo`/`references`, answers to a per-conversation `replyTo`, and
 * carries `listUnsubscribe`.
 */
export interface MailHeaders {
  replyTo?: string;
  /** A Message-ID (`<…@…>`) this mail answers. */
  inReplyTo?: string;
  references?: string[];
  /** RFC 8058 one-click unsubscribe: an https URL that stops this kind of mail for this recipient. */
  listUnsubscribe?: string;
  /** `Auto-Submitted: auto-generated` (RFC 3834): auto-responders must not answer it. */
  autoSubmitted?: boolean;
}

export type MailStatus = 'queued' | 'sending' | 'sent' | 'retrying' | 'failed';

/** A rendered mail as the outbox keeps it. */
export interface NewMail {
  id: string;
  kind: MailKind;
  siteId: SiteId | null;
  agentId: AgentId | null;
  /** An opaque reference for the kind (a conversation id), for threading and lookups. */
  ref: string | null;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: MailHeaders;
  /** `<id@domain>`: the same on every try. */
  messageId: string;
  /** Epoch ms. */
  now: number;
}

export interface OutboxMail extends Omit<NewMail, 'now' | 'text' | 'html'> {
  /** Null once sent (bodies are not kept). */
  text: string | null;
  html: string | null;
  status: MailStatus;
  /** Tries so far (a try that reached no server counts too). */
  attempts: number;
  /** The SMTP server's last answer, or the connection error. */
  lastResponse: string | null;
  createdAt: number;
  updatedAt: number;
  sentAt: number | null;
  nextAttemptAt: number | null;
}

/** What owners see on the mail page: no bodies. */
export type MailStatusRow = Omit<OutboxMail, 'text' | 'html' | 'headers' | 'ref' | 'agentId'>;

export type TakeResult =
  | { taken: OutboxMail }
  /** Another sender holds it until then (it may have died mid-send): look again at that time. */
  | { busyUntil: number }
  /** Sent, failed or erased: nothing to do. */
  | { done: true };

/** The mail outbox (`mail_outbox`): written with the fact that causes a mail, drained by the sender. */
export interface MailStore {
  /** Writes a queued mail. One row; call it in the unit that writes the fact the mail tells about. */
  enqueue(mail: NewMail): Promise<void>;
  /**
   * Takes a mail for one try: a queued or retrying mail, or one whose sender's hold ran out, becomes
   * `sending` until `now + holdMs` and counts a try. One conditional UPDATE, so two nodes never
   * both send it (PostgreSQL: the row lock of that UPDATE).
   */
  takeForSending(id: string, now: number, holdMs: number): Promise<TakeResult>;
  /** The SMTP server took it: `sent`, its answer kept, its bodies erased. Only from `sending`. */
  markSent(id: string, response: string, now: number): Promise<void>;
  /** Not taken, worth another try at `nextAttemptAt`. Only from `sending`. */
  markRetrying(id: string, response: string, nextAttemptAt: number, now: number): Promise<void>;
  /** Given up (a 5xx, or tried for too long): `failed`, bodies kept for a retry by an owner. Returns the row. */
  markFailed(id: string, response: string, now: number): Promise<OutboxMail | null>;
  /**
   * An owner's "Try again" on a retrying or failed mail of theirs: back to `retrying` due now. False
   * when it is not one of `visible` (see {@link MailStore.listFor}) or not in those states.
   */
  requeue(id: string, visible: MailVisibility, now: number): Promise<boolean>;
  /** One mail, whole (the sender; tests). */
  find(id: string): Promise<OutboxMail | null>;
  /**
   * Mail an owner may see, newest first: their sites' mail, and account mail to their sites'
   * members (active or deactivated). At most `limit` rows.
   */
  listFor(visible: MailVisibility, limit: number): Promise<MailStatusRow[]>;
  /** Mail not yet sent or failed (queued, sending, retrying): the backlog gauge. */
  backlog(): Promise<number>;
  /** Deletes sent and failed mail last updated before `before`. Returns how many. */
  trim(before: number): Promise<number>;
}

/** Whose mail an owner sees: the sites they own. */
export interface MailVisibility {
  ownerSiteIds: readonly SiteId[];
}

declare module '../store/store.ts' {
  interface StoreTx {
    mail: MailStore;
  }
}
