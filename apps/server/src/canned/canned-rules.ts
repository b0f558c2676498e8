import type { AgentId } from '@hearth/protocol';

export type SiteRole = 'owner' | 'agent';

/**
 * Who may change a canned reply: site-wide ones (no `agentId`) only the site's owners; a personal
 * one only the agent it belongs to (not even an owner: it is that agent's own text).
 *
 * @example mayEditCanned({ agentId: null }, 'owner', me) // true
 */
export function mayEditCanned(reply: { agentId: AgentId | null }, role: SiteRole, caller: AgentId): boolean {
  return reply.agentId === null ? role === 'owner' : reply.agentId === caller;
}
