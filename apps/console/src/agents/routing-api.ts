import type { AgentId, RoutingSettings, SiteId } from '@hearth/protocol';
import { errorMessage } from '../session/auth-api.ts';

/** GET /api/sites/:siteId/routing, as the console uses it (departments, the accept timeout). */
export interface RoutingView {
  settings: RoutingSettings;
  departments: Array<{ id: string; name: string }>;
  members: Array<{ agentId: AgentId; name: string; role: 'owner' | 'agent'; maxChats: number | null }>;
}

export async function fetchRoutingView(siteId: SiteId): Promise<RoutingView> {
  const res = await fetch(`/api/sites/${encodeURIComponent(siteId)}/routing`, {
    credentials: 'same-origin',
    headers: { accept: 'application/json' },
  });
  if (!res.ok) throw new Error(await errorMessage(res));
  return (await res.json()) as RoutingView;
}
