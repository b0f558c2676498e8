import fp from 'fastify-plugin';
import { randomUUID } from 'node:crypto';
import type { AgentId, SiteId } from '@hearth/protocol';
import type { Config } from '../config.ts';
import type { StoreTx } from '../store/store.ts';
import { smtpTransport, senderDomain, type MailTransport } from './mail-transport.ts';
import { mailSendJob, MAIL_SEND_JOB, type MailFailureHook } from './mail-sender.ts';
import type { MailHeaders } from './mail.store.ts';
import type { MailKind } from './mail-kinds.ts';
import type { RenderedMail } from './templates/layout.ts';
import { mailRoutes } from './mail.routes.ts';

/** A mail to write to the outbox: rendered, addressed, and tied to what it is about. */
export interface MailDraft {
  kind: MailKind;
  to: string;
  mail: RenderedMail;
  siteId?: SiteId | null;
  agentId?: AgentId | null;
  ref?: string | null;
  headers?: MailHeaders;
}

export interface QueuedMail {
  id: string;
  /** `<id@domain>`. */
  messageId: string;
}

export interface MailService {
  /** True when SMTP_URL is set: only then is anything queued. */
  readonly configured: boolean;
  /** The absolute base of links in mail: PUBLIC_URL, else this server's own address. */
  publicUrl(): string;
  /**
   * Writes the mail and its send job in the caller's unit (so the mail exists exactly when the
   * fact it tells about does), and records the `mail.queued` fact: once the unit commits, the
   * sender tries it at once. Returns the mail's id and Message-ID (for threading), or null,
   * writing nothing, when mail is not configured: the caller tells the user so instead of
   * pretending.
   */
  queue(tx: StoreTx, draft: MailDraft, now: number): Promise<QueuedMail | null>;
  /** Registers a hook run in the unit that marks a mail of `kind` failed (before the app is ready). */
  onFailed(kind: MailKind, hook: MailFailureHook): void;
}

declare module '../store/facts.ts' {
  interface Facts {
    /** A mail was written to the outbox (or put back in line); its sender is woken after COMMIT. */
    'mail.queued': { mailId: string };
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Outgoing mail through the durable outbox (mail/). */
    mail: MailService;
  }
}

const TRIM_JOB = 'mail.trim';
const DAY_MS = 24 * 60 * 60 * 1000;
/** Sent and failed mail stays on the owners' mail page this long. */
const KEEP_MS = 30 * DAY_MS;

export interface MailPluginOptions {
  config: Config;
  /** Tests: a transport other than SMTP_URL's. */
  transport?: MailTransport;
}

/**
 * Outgoing mail: the outbox (`mail_outbox`, written with the facts that cause mail), the sender
 * (`mail.send` jobs in their own lane, with retries and backoff), the owners' mail page, and a
 * daily trim of old rows.
 */
export default fp<MailPluginOptions>(
  async (app, { config, transport: given }) => {
    const transport = given ?? (config.SMTP_URL && config.MAIL_FROM ? smtpTransport({ SMTP_URL: config.SMTP_URL, MAIL_FROM: config.MAIL_FROM }) : null);
    const failureHooks = new Map<MailKind, MailFailureHook[]>();
    const publicUrl = (): string => {
      if (config.PUBLIC_URL) return config.PUBLIC_URL.replace(/\/+$/, '');
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : config.PORT;
      return `http://${config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST}:${port}`;
    };
    const messageDomain = () => (config.MAIL_FROM && senderDomain(config.MAIL_FROM)) || new URL(publicUrl()).hostname || 'hearth.invalid';

    const service: MailService = {
      configured: transport !== null,
      publicUrl,
      async queue(tx, draft, now) {
        if (!transport) return null;
        const id = randomUUID();
        const messageId = `<${id}@${messageDomain()}>`;
        const siteId = draft.siteId ?? null;
        await tx.mail.enqueue({
          id,
          kind: draft.kind,
          siteId,
          agentId: draft.agentId ?? null,
          ref: draft.ref ?? null,
          to: draft.to,
          subject: draft.mail.subject,
          text: draft.mail.text,
          html: draft.mail.html,
          headers: draft.headers ?? {},
          messageId,
          now,
        });
        await tx.jobs.schedule({ kind: MAIL_SEND_JOB, key: id, siteId, payload: { mailId: id }, dueAt: now });
        await tx.facts.record('mail.queued', { mailId: id });
        return { id, messageId };
      },
      onFailed(kind, hook) {
        failureHooks.set(kind, [...(failureHooks.get(kind) ?? []), hook]);
      },
    };
    app.decorate('mail', service);
    app.store.onCommitted((facts) => {
      if (facts.some((f) => f.topic === 'mail.queued')) app.jobs.wake(Date.now(), MAIL_SEND_JOB);
    });

    if (transport) {
      app.jobs.handle(
        MAIL_SEND_JOB,
        mailSendJob({ store: app.store, transport, log: app.log, firstRetryMs: config.MAIL_RETRY_SECONDS * 1000, failureHooks }),
        // Its own lane: a slow or unreachable SMTP server never delays another kind's due work.
        { lane: 'mail' },
      );
      app.addHook('onClose', async () => transport.close());
    }
    app.jobs.handle(
      TRIM_JOB,
      async () => {
        const now = Date.now();
        await app.store.unit(async (tx) => {
          await tx.mail.trim(now - KEEP_MS);
          await tx.jobs.schedule({ kind: TRIM_JOB, key: 'daily', dueAt: now + DAY_MS });
        });
      },
      { lane: 'mail' },
    );
    app.addHook('onReady', async () => {
      // Every node schedules the same row; the last one's time wins, which is as good.
      if (!(await app.store.read.jobs.find(TRIM_JOB, 'daily'))) {
        await app.store.unit((tx) => tx.jobs.schedule({ kind: TRIM_JOB, key: 'daily', dueAt: Date.now() + DAY_MS }));
      }
    });
    await app.register(mailRoutes);
  },
  { name: 'mail', dependencies: ['store', 'jobs'] },
);
