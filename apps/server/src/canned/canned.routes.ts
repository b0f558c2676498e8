import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CannedReplyCreateSchema, CannedReplyInputSchema, SiteIdSchema, type CannedReply } from '@hearth/protocol';
import { rooms } from '../plugins/io.ts';
import { requestAgent, scopeSites } from '../auth/request-agent.ts';
import { createCanned, deleteCanned, listCanned, updateCanned } from './canned-replies.ts';
import './canned.store.ts';

const siteParams = z.strictObject({ siteId: SiteIdSchema });
const replyParams = z.strictObject({ siteId: SiteIdSchema, replyId: z.string().min(1).max(64) });

const ERRORS = {
  not_found: [404, 'No such canned reply.'],
  forbidden: [403, 'Only the site’s owners can change site-wide replies.'],
  conflict: [409, 'That shortcut is already taken in this scope.'],
} as const;

function refuse(reply: FastifyReply, code: keyof typeof ERRORS) {
  const [status, message] = ERRORS[code];
  return reply.code(status).send({ error: { code, message } });
}

/** Canned replies (issue 6): every member reads; owners write site-wide ones, anyone their own. */
export const cannedRoutes: FastifyPluginAsyncZod = async (app) => {
  const { store } = app;

  /** After the unit committed: colleagues' lists refetch. */
  function announce(changed: CannedReply) {
    const room = changed.scope === 'site' ? rooms.siteAgents(changed.siteId) : rooms.agent(changed.agentId!);
    app.agentNsp.to(room).emit('canned:changed', { siteId: changed.siteId });
  }

  app.get('/api/canned-replies', { schema: { querystring: z.strictObject({ siteId: SiteIdSchema.optional() }) } }, async (request, reply) => {
    const caller = await requestAgent(store, request, reply);
    if (!caller) return reply;
    const siteIds = scopeSites(caller.sites.map((s) => s.id), request.query.siteId, reply);
    if (!siteIds) return reply;
    return { replies: await listCanned(store.read, caller, siteIds) };
  });

  app.post('/api/sites/:siteId/canned-replies', { schema: { params: siteParams, body: CannedReplyCreateSchema } }, async (request, reply) => {
    const caller = await requestAgent(store, request, reply);
    if (!caller) return reply;
    const result = await store.unit((tx) => createCanned(tx, caller, request.params.siteId, request.body, Date.now()));
    if (!result.ok) return refuse(reply, result.code);
    announce(result.reply);
    return reply.code(201).send({ reply: result.reply });
  });

  app.put('/api/sites/:siteId/canned-replies/:replyId', { schema: { params: replyParams, body: CannedReplyInputSchema } }, async (request, reply) => {
    const caller = await requestAgent(store, request, reply);
    if (!caller) return reply;
    const { siteId, replyId } = request.params;
    const result = await store.unit((tx) => updateCanned(tx, caller, siteId, replyId, request.body, Date.now()));
    if (!result.ok) return refuse(reply, result.code);
    announce(result.reply);
    return { reply: result.reply };
  });

  app.delete('/api/sites/:siteId/canned-replies/:replyId', { schema: { params: replyParams } }, async (request, reply) => {
    const caller = await requestAgent(store, request, reply);
    if (!caller) return reply;
    const { siteId, replyId } = request.params;
    const result = await store.unit((tx) => deleteCanned(tx, caller, siteId, replyId));
    if (!result.ok) return refuse(reply, result.code);
    announce(result.reply);
    return reply.code(204).send();
  });
};
