import type { AgentSession } from '@hearth/protocol';
import { useConsoleState } from '../store/use-console-state.ts';
import type { Notifier } from '../notifications/notifier.ts';
import { useDisclosure } from './use-disclosure.ts';

interface Props {
  agent: AgentSession['agent'];
  notifier: Notifier;
  onShortcuts: () => void;
  onSignOut: () => void;
  signingOut: boolean;
}

/**
 * The agent's own controls behind their name: desktop notifications (asked once, from this click),
 * sound, the keyboard shortcuts and signing out. One button in the bar instead of five keeps the
 * pages visible at laptop widths.
 */
export function AccountMenu({ agent, notifier, onShortcuts, onSignOut, signingOut }: Props) {
  const menu = useDisclosure<HTMLDivElement>();
  const alerts = useConsoleState(notifier);
  const then = (action: () => void) => () => {
    menu.close();
    action();
  };
  return (
    <div class="account-menu" ref={menu.root}>
      <button type="button" class="button button--ghost account-button" aria-controls="account-menu-panel" title={`${agent.name} (${agent.email})`} {...menu.button}>
        <span class="account-initial" aria-hidden="true">
          <bdi>{(agent.name.trim()[0] ?? '?').toUpperCase()}</bdi>
        </span>
        <span class="account-name" dir="auto">{agent.name}</span>
        <span class="visually-hidden"> (account menu)</span>
      </button>
      {menu.open && (
        <div id="account-menu-panel" class="popover account-panel" role="group" aria-label="Your account">
          <p class="account-who">
            <strong dir="auto">{agent.name}</strong>
            <span class="muted">{agent.email}</span>
          </p>
          {alerts.permission === 'default' && (
            <button type="button" class="menu-item" onClick={then(() => void notifier.enable())}>
              Enable notifications
            </button>
          )}
          <button type="button" class="menu-item" aria-pressed={alerts.muted} onClick={() => notifier.toggleMuted()}>
            {alerts.muted ? 'Sounds muted' : 'Sounds on'}
          </button>
          <button type="button" class="menu-item" aria-haspopup="dialog" onClick={then(onShortcuts)}>
            Keyboard shortcuts <kbd>?</kbd>
          </button>
          <button type="button" class="menu-item" disabled={signingOut} onClick={then(onSignOut)}>
            Sign out
          </button>
        </div>
      )}
    </div>
  );
}
