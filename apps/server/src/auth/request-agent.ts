import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AgentId, SiteId } from '@hearth/protocol';
import type { Store } from '../store/store.ts';
import { agentOfSession, SESSION_COOKIE } from './sessions.ts';

export interface RequestAgent {
  agentId: AgentId;
  /** Every site the agent belongs to, with their role there. */
  sites: Array<{ id: SiteId; role: 'owner' | 'agent' }>;
}

/**
 * The signed-in agent of an HTTP request, or null after answering 401. Routes scope every query
 * to `sites` (or to the owner sites among them).
 */
export async function requestAgent(store: Store, request: FastifyRequest, reply: FastifyReply): Promise<RequestAgent | null> {
  const agent = await agentOfSession(store.read.auth, request.cookies[SESSION_COOKIE], Date.now());
  if (!agent) {
    void reply.code(401).send({ error: { code: 'unauthorized', message: 'Please sign in.' } });
    return null;
  }
  const sites = await store.read.auth.agentSites(agent.agentId);
  return { agentId: agent.agentId, sites: sites.map((s) => ({ id: s.id as SiteId, role: s.role })) };
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
