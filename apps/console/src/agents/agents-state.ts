import type { AgentId, AgentPresence, AgentStatus } from '@hearth/protocol';

/**
 * Who is on duty, per site, as the agents view, the status control and the transfer dialog show it.
 * Rebuilt from `agents:list`; `agent:status-changed` patches it in between (loads follow on the next
 * list, which the store asks for after conversation facts).
 *
 * @example
 * let s = agentsReducer(emptyAgents, { type: 'listed', agents });
 * s = agentsReducer(s, { type: 'status-changed', agentId, status: 'away', reason: 'Missed 3 chats' });
 */
export interface AgentsState {
  agents: AgentPresence[];
  loaded: boolean;
}

export type AgentsAction =
  | { type: 'listed'; agents: AgentPresence[] }
  | { type: 'status-changed'; agentId: AgentId; status: AgentStatus; reason: string | null };

export const emptyAgents: AgentsState = { agents: [], loaded: false };

export function agentsReducer(state: AgentsState, action: AgentsAction): AgentsState {
  switch (action.type) {
    case 'listed':
      return { agents: action.agents.slice().sort(byName), loaded: true };
    case 'status-changed': {
      // One agent appears once per site they belong to: every row changes.
      let changed = false;
      const agents = state.agents.map((a) => {
        if (a.agentId !== action.agentId || (a.status === action.status && a.statusReason === action.reason)) return a;
        changed = true;
        return { ...a, status: action.status, statusReason: action.reason };
      });
      return changed ? { ...state, agents } : state;
    }
  }
}

function byName(a: AgentPresence, b: AgentPresence): number {
  return a.name.localeCompare(b.name) || a.agentId.localeCompare(b.agentId);
}

/** My own status and why the system set it, from any of my rows. */
export function statusOf(state: AgentsState, agentId: string): { status: AgentStatus; reason: string | null } | null {
  const row = state.agents.find((a) => a.agentId === agentId);
  return row ? { status: row.status, reason: row.statusReason } : null;
}

/** The agents of one site, for the agents view. */
export function agentsOfSite(state: AgentsState, siteId: string): AgentPresence[] {
  return state.agents.filter((a) => a.siteId === siteId);
}

/** Who a conversation of `siteId` can be handed to: online colleagues, least loaded first. */
export function transferTargets(state: AgentsState, siteId: string, me: string): AgentPresence[] {
  return agentsOfSite(state, siteId)
    .filter((a) => a.agentId !== me && a.status === 'online')
    .sort((a, b) => a.openChats / a.maxChats - b.openChats / b.maxChats || byName(a, b));
}

export const STATUS_LABEL: Record<AgentStatus, string> = { online: 'Online', away: 'Away', offline: 'Offline' };
