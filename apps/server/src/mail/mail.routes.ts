import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SiteIdSchema, type AgentId, type MailOutboxView, type SiteId } from '@hearth/protocol';
import { authenticate, HttpError } from '../auth/request-auth.ts';
import { MAIL_SEND_JOB } from './mail-sender.ts';

const MailParams = z.strictObject({ mailId: z.string().uuid() });
/** The mail page shows the newest this many. */
const PAGE = 100;

/**
 * The owners' mail page: what Hearth sent for their sites and to their team, with the SMTP
 * server's answers, and "Try again" for mail that is retrying or failed. Agents who own no site
 * get a 403: mail status names their colleagues' addresses.
 */
export const mailRoutes: FastifyPluginAsyncZod = async (app) => {
  const ownedSites = async (agentId: AgentId, only?: SiteId): Promise<SiteId[]> => {
    const owned = (await app.store.read.auth.agentSites(agentId)).filter((s) => s.role === 'owner').map((s) => s.id);
    if (owned.length === 0) throw new HttpError(403, 'forbidden', 'Only site owners see the mail Hearth sent.');
    if (only === undefined) return owned;
    if (!owned.includes(only)) throw new HttpError(404, 'not_found', 'No such site.');
    return [only];
  };

  app.get('/api/mail', { schema: { querystring: z.strictObject({ siteId: SiteIdSchema.optional() }) } }, async (request, reply) => {
    const { agentId } = await authenticate(app.store, request);
    const ownerSiteIds = await ownedSites(agentId, request.query.siteId);
    const view: MailOutboxView = { configured: app.mail.configured, mails: await app.store.read.mail.listFor({ ownerSiteIds }, PAGE) };
    return reply.header('cache-control', 'no-store').send(view);
  });

  app.post('/api/mail/:mailId/retry', { schema: { params: MailParams } }, async (request, reply) => {
    const { agentId } = await authenticate(app.store, request);
    const ownerSiteIds = await ownedSites(agentId);
    if (!app.mail.configured) throw new HttpError(409, 'mail_not_configured', 'Mail is not configured (SMTP_URL): Hearth cannot send it.');
    const requeued = await app.store.unit(async (tx) => {
      if (!(await tx.mail.requeue(request.params.mailId, { ownerSiteIds }, Date.now()))) return false;
      await tx.jobs.schedule({ kind: MAIL_SEND_JOB, key: request.params.mailId, payload: { mailId: request.params.mailId }, dueAt: Date.now() });
      await tx.facts.record('mail.queued', { mailId: request.params.mailId });
      return true;
    });
    if (!requeued) throw new HttpError(404, 'not_found', 'No mail of yours is waiting for another try with that id.');
    return reply.code(202).send({ ok: true });
  });
};
