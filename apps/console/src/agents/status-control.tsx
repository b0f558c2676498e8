import type { AgentStatus } from '@hearth/protocol';
import type { PresenceState, PresenceStore } from './presence-store.ts';
import { STATUS_LABEL, statusOf } from './agents-state.ts';

interface Props {
  presence: PresenceStore;
  state: PresenceState;
  agentId: string;
  connected: boolean;
}

/** Header control: am I taking chats? The router only hands conversations to online agents. */
export function StatusControl({ presence, state, agentId, connected }: Props) {
  const mine = statusOf(state.agents, agentId);
  const status: AgentStatus = mine?.status ?? 'offline';
  return (
    <div class={`status-control status-control--${status}`}>
      <span class="status-dot" aria-hidden="true" />
      <label for="my-status" class="visually-hidden">
        Your status
      </label>
      <select
        id="my-status"
        value={status === 'offline' ? '' : status}
        disabled={!connected || !mine}
        onChange={(e) => void presence.setStatus(e.currentTarget.value === 'away' ? 'away' : 'online')}
      >
        {status === 'offline' && <option value="">{STATUS_LABEL.offline}</option>}
        <option value="online">{STATUS_LABEL.online}</option>
        <option value="away">{STATUS_LABEL.away}</option>
      </select>
      {state.statusError && (
        <span class="status-error" role="alert">
          {state.statusError}
        </span>
      )}
    </div>
  );
}

/** The system set me away (missed chats): say why, and offer the way back. */
export function AwayBanner({ presence, state, agentId, connected }: Props) {
  const mine = statusOf(state.agents, agentId);
  if (mine?.status !== 'away' || !mine.reason) return null;
  return (
    <div class="away-banner" role="alert">
      <span>
        You were set to away: {mine.reason}. New chats are not assigned to you.
      </span>
      <button type="button" class="button button--primary" disabled={!connected} onClick={() => void presence.setStatus('online')}>
        Go back online
      </button>
    </div>
  );
}
