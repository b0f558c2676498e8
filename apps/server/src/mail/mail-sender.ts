import type { FastifyBaseLogger } from 'fastify';
import type { Store, StoreTx } from '../store/store.ts';
import type { Job } from '../jobs/job.store.ts';
import type { MailTransport } from './mail-transport.ts';
import type { OutboxMail } from './mail.store.ts';
import { classifySmtpError, nextAttemptAt, type MailFailure } from './mail-rules.ts';
import type { MailKind } from './mail-kinds.ts';

export const MAIL_SEND_JOB = 'mail.send';

/** How long one try may hold a mail before another sender may take it over (its sender died). */
export const SEND_HOLD_MS = 2 * 60_000;
/** After a try reached no server, the next mails of this node wait this long before connecting again. */
const UNREACHABLE_PAUSE_MS = 5_000;

/** Runs in the unit that marks a mail of its kind failed (e.g. mark the address undeliverable). */
export type MailFailureHook = (tx: StoreTx, mail: OutboxMail, failure: MailFailure) => Promise<void>;

export interface SenderDeps {
  store: Store;
  transport: MailTransport;
  log: FastifyBaseLogger;
  firstRetryMs: number;
  failureHooks: ReadonlyMap<MailKind, readonly MailFailureHook[]>;
  /** After each try, for metrics: `sent`, `retrying` or `failed`. */
  onOutcome?: (outcome: 'sent' | 'retrying' | 'failed') => void;
}

/**
 * The `mail.send` job: one try at one mail. The job is at least once; the mail is sent at most
 * once per hold — `takeForSending` is the guard, so a job that runs twice (or on two nodes) finds
 * the mail sent or held and does nothing. A temporary failure moves the job to the next try's
 * time in the same unit that records it; a permanent one (or 24 h of tries) marks the mail failed
 * and runs the kind's failure hooks there.
 *
 * The one window left: the SMTP server took the mail and this process died before recording it.
 * The mail is then sent again when its hold runs out, with the same Message-ID, which receiving
 * servers and clients use to drop the copy.
 */
export function mailSendJob(deps: SenderDeps): (job: Job) => Promise<void> {
  let unreachable: { until: number; response: string } | null = null;
  const { store, log } = deps;

  const moveJob = (tx: StoreTx, job: Job, dueAt: number) =>
    tx.jobs.schedule({ kind: MAIL_SEND_JOB, key: job.key, siteId: job.siteId, payload: job.payload, dueAt });

  return async (job) => {
    const mailId = (job.payload as { mailId?: unknown } | null)?.mailId;
    if (typeof mailId !== 'string') return;
    const take = await store.unit((tx) => tx.mail.takeForSending(mailId, Date.now(), SEND_HOLD_MS));
    if ('done' in take) return;
    if ('busyUntil' in take) {
      // Another sender holds it (or held it and died): look again when its hold runs out.
      await store.unit((tx) => moveJob(tx, job, take.busyUntil + 1));
      return;
    }
    const mail = take.taken;
    let failure: MailFailure;
    if (mail.text === null || mail.html === null) {
      failure = { permanent: true, recipientRejected: false, response: 'The mail has no body any more.' };
    } else if (unreachable && Date.now() < unreachable.until) {
      failure = { permanent: false, recipientRejected: false, response: unreachable.response };
    } else {
      try {
        const response = await deps.transport.send({ to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, messageId: mail.messageId, headers: mail.headers });
        unreachable = null;
        await store.unit((tx) => tx.mail.markSent(mail.id, response, Date.now()));
        deps.onOutcome?.('sent');
        return;
      } catch (err) {
        failure = classifySmtpError(err);
        // No SMTP answer at all: the server is down or unreachable. Do not pay a connection
        // timeout per mail of a backlog; the next mails wait for the next pass.
        if (typeof (err as { responseCode?: unknown }).responseCode !== 'number') unreachable = { until: Date.now() + UNREACHABLE_PAUSE_MS, response: failure.response };
      }
    }
    const now = Date.now();
    const retryAt = failure.permanent ? null : nextAttemptAt({ attempts: mail.attempts, createdAt: mail.createdAt, now, firstDelayMs: deps.firstRetryMs });
    if (retryAt === null) {
      await store.unit(async (tx) => {
        const failed = await tx.mail.markFailed(mail.id, failure.response, now);
        if (failed) for (const hook of deps.failureHooks.get(failed.kind) ?? []) await hook(tx, failed, failure);
      });
      log.warn({ mailId: mail.id, kind: mail.kind, response: failure.response }, 'mail failed');
      deps.onOutcome?.('failed');
      return;
    }
    await store.unit(async (tx) => {
      await tx.mail.markRetrying(mail.id, failure.response, retryAt, now);
      await moveJob(tx, job, retryAt);
    });
    log.info({ mailId: mail.id, kind: mail.kind, response: failure.response, retryAt }, 'mail not sent; retrying later');
    deps.onOutcome?.('retrying');
  };
}
