import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { VisitorIdSchema } from '@hearth/protocol';
import { agentForSession, SESSION_COOKIE } from '../auth/sessions.ts';
import { rooms } from '../plugins/io.ts';
import { eraseVisitor, exportVisitor, siteOwnedBy } from './visitor-data.ts';

const params = z.strictObject({ visitorId: VisitorIdSchema });

/**
 * A visitor's data on request, for the site's owner only: export (JSON) and erase. Agents and
 * other sites' owners get the same 404 as an unknown id, so ids cannot be probed.
 */
export const dataCareRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.sqlite;

  const ownerOr404 = (cookie: string | undefined, visitorId: z.infer<typeof VisitorIdSchema>) => {
    const agent = agentForSession(db, cookie, Date.now());
    return agent ? siteOwnedBy(db, agent.agentId, visitorId) : null;
  };
  const notFound = { error: { code: 'not_found', message: 'No such visitor.' } };

  app.get('/api/visitors/:visitorId/export', { schema: { params } }, async (request, reply) => {
    if (!ownerOr404(request.cookies[SESSION_COOKIE], request.params.visitorId)) return reply.code(404).send(notFound);
    return reply.header('content-disposition', `attachment; filename="visitor-${request.params.visitorId}.json"`).send(exportVisitor(db, request.params.visitorId));
  });

  app.delete('/api/visitors/:visitorId', { schema: { params } }, async (request, reply) => {
    const siteId = ownerOr404(request.cookies[SESSION_COOKIE], request.params.visitorId);
    if (!siteId) return reply.code(404).send(notFound);
    const erased = await app.commits.run(() => eraseVisitor(db, request.params.visitorId));
    // Their open widget tabs hold a token for a visitor that no longer exists.
    app.visitorNsp.in(rooms.visitor(request.params.visitorId)).disconnectSockets(true);
    return erased;
  });
};
