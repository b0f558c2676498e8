/**
 * Who should take a conversation: a pure decision over a snapshot of the site's agents, so it can
 * be unit- and property-tested and the write (assignConversation) can stay a guarded update.
 */
export interface AgentCandidate {
  agentId: string;
  status: 'online' | 'away' | 'offline';
  openChats: number;
  maxChats: number;
  /** Epoch ms of the last assignment; null = never, which counts as longest ago. */
  lastAssignedAt: number | null;
  departmentIds: readonly string[];
}

export interface RoutingRequest {
  /** The department the visitor asked for, if any. */
  departmentId: string | null;
  /** True once the conversation waited past the site's department fallback: anyone may take it. */
  departmentFallback: boolean;
  /** The agent who handled this visitor last time: preferred when online with a free slot. */
  previousAgentId: string | null;
  /** Agents who already missed (timed out on) this conversation. */
  excludedAgentIds: readonly string[];
}

export type RoutingPolicy = 'least-busy' | 'round-robin';

export function hasFreeSlot(agent: AgentCandidate): boolean {
  return agent.status === 'online' && agent.openChats < agent.maxChats;
}

/** Longest since last assignment first; never-assigned first of all; agent id breaks exact ties. */
function byLongestIdle(a: AgentCandidate, b: AgentCandidate): number {
  const la = a.lastAssignedAt ?? -Infinity;
  const lb = b.lastAssignedAt ?? -Infinity;
  if (la !== lb) return la < lb ? -1 : 1;
  return a.agentId < b.agentId ? -1 : a.agentId > b.agentId ? 1 : 0;
}

export function pickAgent(agents: readonly AgentCandidate[], request: RoutingRequest, policy: RoutingPolicy): string | null {
  const excluded = new Set(request.excludedAgentIds);
  const available = agents.filter((a) => hasFreeSlot(a) && !excluded.has(a.agentId));
  if (available.length === 0) return null;

  const previous = request.previousAgentId && available.find((a) => a.agentId === request.previousAgentId);
  if (previous) return previous.agentId;

  const pool =
    request.departmentId && !request.departmentFallback
      ? available.filter((a) => a.departmentIds.includes(request.departmentId!))
      : available;
  if (pool.length === 0) return null;

  const ordered = [...pool].sort(
    policy === 'least-busy' ? (a, b) => a.openChats - b.openChats || byLongestIdle(a, b) : byLongestIdle,
  );
  return ordered[0]!.agentId;
}
