import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { and, eq } from 'drizzle-orm';
import { schema } from '@hearth/db';
import type { SiteId } from '@hearth/protocol';
import { agentForSession, SESSION_COOKIE, type AuthenticatedAgent } from './sessions.ts';

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The signed-in agent of an HTTP request, or a 401. */
export function requireAgent(app: FastifyInstance, request: FastifyRequest): AuthenticatedAgent {
  const agent = agentForSession(app.sqlite.db, request.cookies[SESSION_COOKIE], Date.now());
  if (!agent) throw new HttpError(401, 'unauthorized', 'Please sign in.');
  return agent;
}

/**
 * The agent's role on a site, or a 404 when they are not a member (not a 403: a stranger must
 * not learn which site ids exist). `owner` routes also refuse plain agents with a 403.
 */
export function requireSiteRole(
  app: FastifyInstance,
  request: FastifyRequest,
  siteId: string,
  role: 'owner' | 'agent',
): AuthenticatedAgent & { role: 'owner' | 'agent' } {
  const agent = requireAgent(app, request);
  const membership = app.sqlite.db
    .select({ role: schema.memberships.role })
    .from(schema.memberships)
    .where(and(eq(schema.memberships.siteId, siteId as SiteId), eq(schema.memberships.agentId, agent.agentId)))
    .get();
  if (!membership) throw new HttpError(404, 'not_found', 'No such site.');
  if (role === 'owner' && membership.role !== 'owner') throw new HttpError(403, 'forbidden', 'Only the site owner can do this.');
  return { ...agent, role: membership.role };
}

export function sendHttpError(reply: FastifyReply, error: HttpError) {
  return reply.code(error.statusCode).send({ error: { code: error.code, message: error.message } });
}
