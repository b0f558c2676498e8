import { useEffect, useMemo, useState } from 'preact/hooks';
import type { AgentSession, ConversationId } from '@hearth/protocol';
import { fetchSession } from './session/auth-api.ts';
import { connectAgentSocket } from './socket/agent-socket.ts';
import { createConsoleStore, type ConnectionStatus } from './store/console-store.ts';
import { useConsoleState } from './store/use-console-state.ts';
import { createConsoleOutbox } from './conversation/console-outbox.ts';
import { conversationIdFromPath, pathForConversation } from './routing/conversation-route.ts';
import { InboxNav } from './inbox/inbox-nav.tsx';
import { ConversationView } from './conversation/conversation-view.tsx';
import { VisitorPanel } from './visitor/visitor-panel.tsx';
import { TriggersPage } from './triggers/triggers-page.tsx';

interface Props {
  session: AgentSession;
  onSignOut: () => void;
  onSessionExpired: () => void;
}

const CONNECTION_LABEL: Record<ConnectionStatus, string> = {
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
};

function sessionStorageOrNull(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null; // blocked storage: the outbox falls back to memory
  }
}

/** The signed-in console: header, inbox (nav), conversation (main), visitor (aside). */
export function ConsoleShell({ session, onSignOut, onSessionExpired }: Props) {
  const outbox = useMemo(() => createConsoleOutbox(sessionStorageOrNull()), []);
  const store = useMemo(
    () =>
      createConsoleStore({
        socket: connectAgentSocket(),
        outbox,
        checkSession: () => fetchSession().then((s) => s !== null, () => true),
        onSignedOut: onSessionExpired,
      }),
    // One store (and socket) per signed-in agent; the callbacks it holds do not change meaning.
    [session.agent.id],
  );
  useEffect(() => () => store.dispose(), [store]);
  const state = useConsoleState(store);
  const [signingOut, setSigningOut] = useState(false);
  const [showTriggers, setShowTriggers] = useState(false);
  const ownedSites = session.sites.filter((s) => s.role === 'owner');

  // The URL holds the open conversation; back/forward move between conversations.
  useEffect(() => {
    const fromUrl = () => store.openConversation(conversationIdFromPath(location.pathname));
    fromUrl();
    addEventListener('popstate', fromUrl);
    return () => removeEventListener('popstate', fromUrl);
  }, [store]);

  function select(id: ConversationId) {
    if (state.open?.id === id) return;
    history.pushState(null, '', pathForConversation(id));
    store.openConversation(id);
  }

  const siteNames = useMemo(() => new Map(session.sites.map((s) => [s.id, s.name])), [session.sites]);
  const multiSite = session.sites.length > 1;
  const detail = state.open?.detail ?? null;

  return (
    <div class="shell">
      <header class="topbar">
        <div class="brand">
          <span class="brand-mark" aria-hidden="true" />
          Hearth
        </div>
        <p class={`connection connection--${state.connection}`} role="status">
          <span class="connection-dot" aria-hidden="true" />
          {CONNECTION_LABEL[state.connection]}
        </p>
        <div class="topbar-end">
          {ownedSites.length > 0 && (
            <button type="button" class="button button--ghost" aria-pressed={showTriggers} onClick={() => setShowTriggers(!showTriggers)}>
              Triggers
            </button>
          )}
          <span class="agent-name" title={session.agent.email}>
            {session.agent.name}
          </span>
          <button
            type="button"
            class="button button--ghost"
            disabled={signingOut}
            onClick={() => {
              setSigningOut(true);
              outbox.clear(); // unsent replies must not go out later under another agent's login
              store.dispose();
              history.replaceState(null, '', pathForConversation(null));
              onSignOut();
            }}
          >
            Sign out
          </button>
        </div>
      </header>
      {showTriggers && <TriggersPage sites={ownedSites} onClose={() => setShowTriggers(false)} />}
      <div class="columns" hidden={showTriggers}>
        <InboxNav
          inbox={state.inbox}
          loaded={state.inboxLoaded}
          agentId={session.agent.id}
          sites={session.sites}
          openId={state.open?.id ?? null}
          onSelect={select}
        />
        <main class="conversation-column" aria-label="Conversation">
          <ConversationView
            store={store}
            open={state.open}
            pending={state.pending}
            agentId={session.agent.id}
            siteName={multiSite && detail ? (siteNames.get(detail.conversation.siteId) ?? null) : null}
            connected={state.connection === 'connected'}
          />
          <div class={`notice ${state.notice ? `notice--${state.notice.tone}` : ''}`} role="status" aria-live="polite">
            {state.notice && (
              <>
                <span>{state.notice.text}</span>
                <button type="button" class="notice-dismiss" aria-label="Dismiss" onClick={() => store.dismissNotice()}>
                  ×
                </button>
              </>
            )}
          </div>
        </main>
        <aside class="visitor-column" aria-label="Visitor">
          <VisitorPanel detail={detail} />
        </aside>
      </div>
    </div>
  );
}
