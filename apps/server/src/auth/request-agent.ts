import type { FastifyReply, FastifyRequest } from 'fastify';
import type { HearthDb } from '@hearth/db';
import type { AgentId, SiteId } from '@hearth/protocol';
import { agentForSession, agentSites, SESSION_COOKIE } from './sessions.ts';

export interface RequestAgent {
  agentId: AgentId;
  /** Every site the agent belongs to, with their role there. */
  sites: Array<{ id: SiteId; role: 'owner' | 'agent' }>;
}

/**
 * The signed-in agent of an HTTP request, or null after answering 401. Routes scope every query
 * to `sites` (or to the owner sites among them).
 */
export function requestAgent(db: HearthDb, request: FastifyRequest, reply: FastifyReply): RequestAgent | null {
  const agent = agentForSession(db, request.cookies[SESSION_COOKIE], Date.now());
  if (!agent) {
    void reply.code(401).send({ error: { code: 'unauthorized', message: 'Please sign in.' } });
    return null;
  }
  return { agentId: agent.agentId, sites: agentSites(db, agent.agentId).map((s) => ({ id: s.id as SiteId, role: s.role })) };
}

/**
 * The sites a request may look at: the requested one if the agent may, else all allowed. Returns
 * null after answering 403 when a site was asked for that the agent may not see.
 */
export function scopeSites(allowed: readonly SiteId[], requested: SiteId | undefined, reply: FastifyReply): SiteId[] | null {
  if (requested === undefined) return [...allowed];
  if (allowed.includes(requested)) return [requested];
  void reply.code(403).send({ error: { code: 'forbidden', message: 'You may not see that site.' } });
  return null;
}
