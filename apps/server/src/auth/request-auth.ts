import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { and, eq } from 'drizzle-orm';
import { schema } from '@hearth/db';
import type { MemberRole, SiteId } from '@hearth/protocol';
import type { Store } from '../store/store.ts';
import { agentForSession, agentOfSession, SESSION_COOKIE, type AuthenticatedAgent } from './sessions.ts';

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The signed-in agent of an HTTP request; throws a 401 HttpError otherwise. */
export async function authenticate(store: Store, request: FastifyRequest): Promise<AuthenticatedAgent> {
  const agent = await agentOfSession(store.read.auth, request.cookies[SESSION_COOKIE], Date.now());
  if (!agent) throw new HttpError(401, 'unauthorized', 'Please sign in.');
  return agent;
}

/**
 * The signed-in agent and their role on a site. Throws a 401 HttpError when nobody is signed in,
 * a 404 when they are not a member (not a 403: a stranger must not learn which site ids exist),
 * and a 403 when `role` is `owner` and they are a plain agent.
 */
export async function authorizeSite(store: Store, request: FastifyRequest, siteId: SiteId, role: MemberRole): Promise<AuthenticatedAgent & { role: MemberRole }> {
  const agent = await authenticate(store, request);
  const membership = await store.read.auth.siteRole(siteId, agent.agentId);
  if (!membership) throw new HttpError(404, 'not_found', 'No such site.');
  if (role === 'owner' && membership !== 'owner') throw new HttpError(403, 'forbidden', 'Only the site owner can do this.');
  return { ...agent, role: membership };
}

/**
 * @deprecated Synchronous SQLite check for code not yet behind the storage seam (routing/);
 * use {@link authorizeSite}.
 */
export function requireSiteRole(
  app: FastifyInstance,
  request: FastifyRequest,
  siteId: string,
  role: 'owner' | 'agent',
): AuthenticatedAgent & { role: 'owner' | 'agent' } {
  const agent = agentForSession(app.sqlite.db, request.cookies[SESSION_COOKIE], Date.now());
  if (!agent) throw new HttpError(401, 'unauthorized', 'Please sign in.');
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
