import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { VisitorIdSchema, type SiteId, type VisitorId } from '@hearth/protocol';
import { agentOfSession, SESSION_COOKIE } from '../auth/sessions.ts';
import { rooms } from '../plugins/io.ts';
import './data-care.store.ts';

const params = z.strictObject({ visitorId: VisitorIdSchema });

/**
 * A visitor's data on request, for the site's owner only: export (JSON) and erase. Agents and
 * other sites' owners get the same 404 as an unknown id, so ids cannot be probed.
 */
export const dataCareRoutes: FastifyPluginAsyncZod = async (app) => {
  const { store } = app;

  const ownerOr404 = async (cookie: string | undefined, visitorId: VisitorId): Promise<SiteId | null> => {
    const agent = await agentOfSession(store.read.auth, cookie, Date.now());
    return agent ? store.read.dataCare.siteOwnedBy(agent.agentId, visitorId) : null;
  };
  const notFound = { error: { code: 'not_found', message: 'No such visitor.' } };

  app.get('/api/visitors/:visitorId/export', { schema: { params } }, async (request, reply) => {
    const { visitorId } = request.params;
    if (!(await ownerOr404(request.cookies[SESSION_COOKIE], visitorId))) return reply.code(404).send(notFound);
    return reply.header('content-disposition', `attachment; filename="visitor-${visitorId}.json"`).send(await store.read.dataCare.exportVisitor(visitorId));
  });

  app.delete('/api/visitors/:visitorId', { schema: { params } }, async (request, reply) => {
    const { visitorId } = request.params;
    if (!(await ownerOr404(request.cookies[SESSION_COOKIE], visitorId))) return reply.code(404).send(notFound);
    const erased = await store.unit((tx) => tx.dataCare.eraseVisitor(visitorId));
    // Their open widget tabs hold a token for a visitor that no longer exists.
    app.visitorNsp.in(rooms.visitor(visitorId)).disconnectSockets(true);
    return erased;
  });
};
