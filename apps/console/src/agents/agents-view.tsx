import type { AgentSite } from '@hearth/protocol';
import { STATUS_LABEL, agentsOfSite } from './agents-state.ts';
import type { PresenceState } from './presence-store.ts';
import { TableRegion } from '../shell/table-region.tsx';

interface Props {
  state: PresenceState;
  sites: AgentSite[];
  agentId: string;
}

/** Who is on duty in each site, with their load: live from status facts and conversation events. */
export function AgentsView({ state, sites, agentId }: Props) {
  return (
    <main class="page agents-view" aria-labelledby="agents-title">
      <h1 id="agents-title" class="agents-title">
        Agents
      </h1>
      {!state.agents.loaded && <p class="empty">Loading agents…</p>}
      {state.agents.loaded &&
        sites.map((site) => {
          const agents = agentsOfSite(state.agents, site.id);
          return (
            <section key={site.id} class="agents-site" aria-labelledby={`agents-site-${site.id}`}>
              <h2 id={`agents-site-${site.id}`} class="section-title">
                {site.name}
              </h2>
              {agents.length === 0 ? (
                <p class="empty">No agents in this site.</p>
              ) : (
                <TableRegion label={`Agents of ${site.name}`}>
                <table class="table agents-table">
                  <thead>
                    <tr>
                      <th scope="col">Agent</th>
                      <th scope="col">Status</th>
                      <th scope="col">Open chats</th>
                    </tr>
                  </thead>
                  <tbody>
                    {agents.map((a) => (
                      <tr key={a.agentId}>
                        <th scope="row">
                          <bdi>{a.name}</bdi>
                          {a.agentId === agentId && <span class="muted"> (you)</span>}
                        </th>
                        <td>
                          <span class={`presence presence--${a.status}`}>
                            <span class="status-dot" aria-hidden="true" />
                            {STATUS_LABEL[a.status]}
                          </span>
                          {a.statusReason && <span class="presence-reason">{a.statusReason}</span>}
                        </td>
                        <td>
                          {/* aria-label on a span is ignored by screen readers: the words are in the text. */}
                          <span class="load">
                            <span aria-hidden="true">
                              {a.openChats} / {a.maxChats}
                            </span>
                            <span class="visually-hidden">
                              {a.openChats} of {a.maxChats} chats
                            </span>
                          </span>
                          <span class="load-bar" aria-hidden="true">
                            <span style={{ width: `${Math.min(100, (a.openChats / a.maxChats) * 100)}%` }} />
                          </span>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                </TableRegion>
              )}
            </section>
          );
        })}
    </main>
  );
}
