import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CannedReplyCreateSchema, CannedReplyInputSchema, SiteIdSchema } from '@hearth/protocol';
import { requestAgent, scopeSites } from '../auth/request-agent.ts';
import { createCanned, deleteCanned, listCanned, updateCanned } from './canned-store.ts';

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
  const { db } = app.store;

  app.get('/api/canned-replies', { schema: { querystring: z.strictObject({ siteId: SiteIdSchema.optional() }) } }, async (request, reply) => {
    const caller = requestAgent(db, request, reply);
    if (!caller) return reply;
    const siteIds = scopeSites(caller.sites.map((s) => s.id), request.query.siteId, reply);
    if (!siteIds) return reply;
    return { replies: listCanned(db, caller, siteIds) };
  });

  app.post('/api/sites/:siteId/canned-replies', { schema: { params: siteParams, body: CannedReplyCreateSchema } }, async (request, reply) => {
    const caller = requestAgent(db, request, reply);
    if (!caller) return reply;
    const result = createCanned(db, caller, request.params.siteId, request.body, Date.now());
    return result.ok ? reply.code(201).send({ reply: result.reply }) : refuse(reply, result.code);
  });

  app.put('/api/sites/:siteId/canned-replies/:replyId', { schema: { params: replyParams, body: CannedReplyInputSchema } }, async (request, reply) => {
    const caller = requestAgent(db, request, reply);
    if (!caller) return reply;
    const { siteId, replyId } = request.params;
    const result = updateCanned(db, caller, siteId, replyId, request.body, Date.now());
    return result.ok ? { reply: result.reply } : refuse(reply, result.code);
  });

  app.delete('/api/sites/:siteId/canned-replies/:replyId', { schema: { params: replyParams } }, async (request, reply) => {
    const caller = requestAgent(db, request, reply);
    if (!caller) return reply;
    const { siteId, replyId } = request.params;
    const result = deleteCanned(db, caller, siteId, replyId);
    return result.ok ? reply.code(204).send() : refuse(reply, result.code);
  });
};
