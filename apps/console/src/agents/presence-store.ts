import type { AgentSite, SiteId } from '@hearth/protocol';
import { command, type AgentSocket } from '../socket/agent-socket.ts';
import { agentsReducer, emptyAgents, type AgentsAction, type AgentsState } from './agents-state.ts';
import { fetchRoutingView, type RoutingView } from './routing-api.ts';

/**
 * The routing side of the console: who is on duty (agents view, status control, transfer targets)
 * and each site's routing view (departments, accept timeout). Shares the console's socket; loads
 * change with every conversation fact, so those trigger one debounced `agents:list`.
 */
export interface PresenceState {
  agents: AgentsState;
  /** Per site; missing until loaded (or when loading failed). */
  routing: ReadonlyMap<string, RoutingView>;
  /** Why the last status change failed, shown by the status control. */
  statusError: string | null;
}

export type PresenceStore = ReturnType<typeof createPresenceStore>;

/** Many conversation facts arrive in bursts (a close drains the queue): one list per burst is enough. */
const REFRESH_DEBOUNCE_MS = 400;

export function createPresenceStore(socket: AgentSocket, sites: AgentSite[]) {
  let state: PresenceState = { agents: emptyAgents, routing: new Map(), statusError: null };
  const listeners = new Set<() => void>();
  let refreshTimer: ReturnType<typeof setTimeout> | null = null;
  let disposed = false;

  function set(patch: Partial<PresenceState>): void {
    state = { ...state, ...patch };
    for (const listener of listeners) listener();
  }
  const dispatch = (action: AgentsAction) => set({ agents: agentsReducer(state.agents, action) });

  async function refresh(): Promise<void> {
    refreshTimer = null;
    const r = await command(socket, 'agents:list', {});
    if (r.ok && !disposed) dispatch({ type: 'listed', agents: r.data.agents });
  }
  function refreshSoon(): void {
    if (refreshTimer || disposed) return;
    refreshTimer = setTimeout(() => void refresh(), REFRESH_DEBOUNCE_MS);
  }
  async function loadRouting(siteId: SiteId): Promise<void> {
    try {
      const view = await fetchRoutingView(siteId);
      if (!disposed) set({ routing: new Map(state.routing).set(siteId, view) });
    } catch {
      // Departments and the countdown are extras: the console works without them.
    }
  }

  socket.on('connect', () => {
    void refresh();
    for (const site of sites) void loadRouting(site.id);
  });
  socket.on('resync', () => void refresh());
  socket.on('agent:status-changed', (e) => {
    dispatch({ type: 'status-changed', agentId: e.agentId, status: e.status, reason: e.reason });
    refreshSoon(); // a status change can move chats (re-queued, drained)
  });
  socket.on('conversation:created', refreshSoon);
  socket.on('conversation:updated', refreshSoon);
  if (socket.connected) void refresh();

  return {
    getState: () => state,
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async setStatus(status: 'online' | 'away'): Promise<void> {
      const r = await command(socket, 'agent:set-status', { status });
      if (disposed) return;
      set({ statusError: r.ok ? null : r.error.message });
      if (r.ok) void refresh();
    },
    dispose(): void {
      disposed = true;
      if (refreshTimer) clearTimeout(refreshTimer);
      listeners.clear();
    },
  };
}
