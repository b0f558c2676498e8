import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  SIGNAL_BODY_MAX_BYTES,
  SignalBatchSchema,
  SiteIdSchema,
  TriggerSettingsSchema,
  checkTriggerRule,
  triggerProblemsText,
  type SiteId,
  type TriggerRuleFields,
} from '@hearth/protocol';
import { SESSION_COOKIE, agentOfSession } from '../auth/sessions.ts';
import { UnknownTrigger, recordSignals } from './signals.ts';
import { triggerStats } from './trigger-stats.ts';
import './trigger.store.ts';

const siteParams = z.strictObject({ siteId: SiteIdSchema });
const triggerParams = z.strictObject({ siteId: SiteIdSchema, triggerId: z.string().min(1).max(64) });

/**
 * Triggers: owner-only CRUD with per-trigger figures (console), and the widget's beacon that reports
 * prompts and purchases.
 */
export const triggersRoutes: FastifyPluginAsyncZod = async (app) => {
  const { store } = app;

  /** Only an owner of the site may read or change its triggers; anyone else gets the same 404. */
  async function ownerOnly(request: FastifyRequest, reply: FastifyReply, siteId: SiteId): Promise<boolean> {
    const agent = await agentOfSession(store.read.auth, request.cookies[SESSION_COOKIE], Date.now());
    if (!agent) {
      void reply.code(401).send({ error: { code: 'unauthorized', message: 'Please sign in.' } });
      return false;
    }
    const membership = await store.read.auth.siteRole(siteId, agent.agentId);
    if (membership !== 'owner') {
      void reply.code(membership ? 403 : 404).send({
        error: membership ? { code: 'forbidden', message: 'Only the site owner can manage triggers.' } : { code: 'not_found', message: 'Not found.' },
      });
      return false;
    }
    return true;
  }
  const notFound = (reply: FastifyReply) => reply.code(404).send({ error: { code: 'not_found', message: 'No such trigger.' } });

  /**
   * The rule of a save, or a 400 that names each bad field as the console's form does and lists the
   * valid choices (trigger-issues.ts), e.g. "Group 1, condition 2 › Signal: unknown signal "rage";
   * choose one of: rage_click (Rage clicks), …". Parsed here, after the owner check, rather than by
   * the route schema, whose generic message would read "/when/0/1: Invalid input".
   */
  function ruleOf(body: unknown, reply: FastifyReply): TriggerRuleFields | null {
    const check = checkTriggerRule(body);
    if (check.ok) return check.rule;
    void reply.code(400).send({ error: { code: 'invalid_payload', message: triggerProblemsText(check.problems), problems: check.problems } });
    return null;
  }

  app.get('/api/sites/:siteId/triggers', { schema: { params: siteParams } }, async (request, reply) => {
    const { siteId } = request.params;
    if (!(await ownerOnly(request, reply, siteId))) return reply;
    const triggers = await store.read.triggers.list(siteId);
    return { triggers, stats: triggerStats(await store.read.triggers.counts(siteId), triggers) };
  });

  app.post('/api/sites/:siteId/triggers', { schema: { params: siteParams } }, async (request, reply) => {
    const { siteId } = request.params;
    if (!(await ownerOnly(request, reply, siteId))) return reply;
    const rule = ruleOf(request.body, reply);
    if (!rule) return reply;
    const trigger = await store.unit((tx) => tx.triggers.create(siteId, rule, Date.now()));
    return reply.code(201).send({ trigger });
  });

  app.put('/api/sites/:siteId/triggers/:triggerId', { schema: { params: triggerParams } }, async (request, reply) => {
    const { siteId, triggerId } = request.params;
    if (!(await ownerOnly(request, reply, siteId))) return reply;
    const rule = ruleOf(request.body, reply);
    if (!rule) return reply;
    const trigger = await store.unit((tx) => tx.triggers.update(siteId, triggerId, rule, Date.now()));
    return trigger ? { trigger } : notFound(reply);
  });

  app.delete('/api/sites/:siteId/triggers/:triggerId', { schema: { params: triggerParams } }, async (request, reply) => {
    const { siteId, triggerId } = request.params;
    if (!(await ownerOnly(request, reply, siteId))) return reply;
    const deleted = await store.unit((tx) => tx.triggers.delete(siteId, triggerId));
    return deleted ? reply.code(204).send() : notFound(reply);
  });

  app.get('/api/sites/:siteId/trigger-settings', { schema: { params: siteParams } }, async (request, reply) => {
    const { siteId } = request.params;
    if (!(await ownerOnly(request, reply, siteId))) return reply;
    return { settings: (await store.read.sites.settings(siteId)).triggers };
  });

  app.put(
    '/api/sites/:siteId/trigger-settings',
    { schema: { params: siteParams, body: z.strictObject(TriggerSettingsSchema.shape) } },
    async (request, reply) => {
      const { siteId } = request.params;
      if (!(await ownerOnly(request, reply, siteId))) return reply;
      const settings = await store.unit((tx) => tx.sites.updateSettings(siteId, { triggers: request.body }));
      return { settings: settings.triggers };
    },
  );

  // The loader runs on the customer's origin: the beacon answers any origin and reads no cookie.
  // (The triggers the loader evaluates come with its config: widget/widget-config.routes.ts.)
  // sendBeacon posts text/plain (no CORS preflight): parsed as JSON in a plugin of its own, so only
  // this route reads text/plain — an owner's routes above never take a cross-site form's body.
  await app.register(async (child) => {
    const beacon = child.withTypeProvider<ZodTypeProvider>();
    beacon.removeContentTypeParser('text/plain');
    beacon.addContentTypeParser('text/plain', { parseAs: 'string', bodyLimit: SIGNAL_BODY_MAX_BYTES }, (_request, body, done) => {
      try {
        done(null, JSON.parse(body as string));
      } catch {
        done(Object.assign(new Error('The body is not JSON.'), { statusCode: 400, code: 'invalid_payload' }));
      }
    });

    beacon.post('/api/widget/signals', { bodyLimit: SIGNAL_BODY_MAX_BYTES, schema: { body: SignalBatchSchema } }, async (request, reply) => {
      void reply.header('access-control-allow-origin', '*');
      const site = await store.read.sites.byKey(request.body.siteKey);
      if (!site) return reply.code(404).send({ error: { code: 'unknown_site', message: 'No site has this key.' } });
      try {
        const stored = await store.unit((tx) => recordSignals(tx, site.id, request.body, Date.now()));
        return { stored };
      } catch (error) {
        if (!(error instanceof UnknownTrigger)) throw error;
        return reply.code(400).send({ error: { code: 'unknown_trigger', message: 'A signal names a trigger this site does not have.' } });
      }
    });
  });
};
