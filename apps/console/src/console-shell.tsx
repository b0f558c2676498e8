import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { AgentSession, ConversationId } from '@hearth/protocol';
import { fetchSession } from './session/auth-api.ts';
import { connectAgentSocket } from './socket/agent-socket.ts';
import { createConsoleStore, type ConnectionStatus } from './store/console-store.ts';
import { useConsoleState } from './store/use-console-state.ts';
import { createConsoleOutbox } from './conversation/console-outbox.ts';
import { createDrafts } from './conversation/drafts.ts';
import { conversationIdFromPath, pathForConversation } from './routing/conversation-route.ts';
import { InboxNav } from './inbox/inbox-nav.tsx';
import { ConversationView } from './conversation/conversation-view.tsx';
import { VisitorPanel } from './visitor/visitor-panel.tsx';
import { createPresenceStore } from './agents/presence-store.ts';
import { AwayBanner, StatusControl } from './agents/status-control.tsx';
import { AgentsView } from './agents/agents-view.tsx';
import { consolePage, pathForPage, type ConsolePage } from './routing/console-page.ts';
import { SearchPage } from './search/search-page.tsx';

/** The reports page brings the charting library: loaded only when an owner opens it. */
type ReportsPageComponent = (typeof import('./reports/reports-page.tsx'))['default'];
let reportsPage: Promise<ReportsPageComponent> | null = null;
import { TriggersPage } from './triggers/triggers-page.tsx';
import { SettingsPage } from './settings/settings-page.tsx';
import { createDeskData } from './canned/desk-api.ts';
import { RepliesPage } from './canned/replies-page.tsx';
import { createNotifier } from './notifications/notifier.ts';
import { useTabTitle } from './notifications/use-tab-title.ts';
import { TopBar } from './shell/top-bar.tsx';
import { AccountMenu } from './shell/account-menu.tsx';
import { focusComposer, useShortcuts } from './shortcuts/use-shortcuts.ts';
import { neighbour } from './shortcuts/shortcut-table.ts';
import { ShortcutsHelp } from './shortcuts/shortcuts-help.tsx';

interface Props {
  session: AgentSession;
  onSignOut: () => void;
  onSessionExpired: () => void;
}

const PAGES: ReadonlyArray<{ page: ConsolePage; label: string }> = [
  { page: 'inbox', label: 'Inbox' },
  { page: 'agents', label: 'Agents' },
  { page: 'search', label: 'Search' },
  { page: 'replies', label: 'Replies' },
  { page: 'reports', label: 'Reports' },
  { page: 'triggers', label: 'Triggers' },
  { page: 'settings', label: 'Settings' },
];
/** Pages only a site's owner has. */
const OWNER_PAGES: ReadonlySet<ConsolePage> = new Set(['reports', 'triggers']);

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
  const drafts = useMemo(() => createDrafts(sessionStorageOrNull(), session.agent.id), [session.agent.id]);
  // Desk (issue 6): canned replies and labels, alerts, shortcuts.
  const openFromNotification = useRef<(id: ConversationId) => void>(() => {});
  const notifier = useMemo(
    () =>
      createNotifier({
        agentId: session.agent.id,
        // The URL names the conversation on screen (only on the inbox page).
        openConversationId: () => conversationIdFromPath(location.pathname),
        onOpen: (id) => openFromNotification.current(id as ConversationId),
      }),
    [session.agent.id],
  );
  const desk = useMemo(() => createDeskData(), [session.agent.id]);
  const [store, presence] = useMemo(() => {
    const socket = connectAgentSocket();
    // Someone changed the canned replies: the Replies page and the composer's / list both read `desk`.
    socket.on('canned:changed', () => void desk.reloadReplies());
    return [
      createConsoleStore({
        socket,
        outbox,
        checkSession: () => fetchSession().then((s) => s !== null, () => true),
        onSignedOut: onSessionExpired,
        onAlert: (kind, conversation) => notifier.alert(kind, conversation),
      }),
      createPresenceStore(socket, session.sites),
    ] as const;
    // One store (and socket) per signed-in agent; the callbacks it holds do not change meaning.
  }, [session.agent.id]);
  useEffect(
    () => () => {
      presence.dispose();
      store.dispose();
      notifier.dispose();
    },
    [store, presence],
  );
  useEffect(() => {
    void desk.reloadReplies();
    void desk.reloadLabels();
  }, [desk]);
  const deskState = useConsoleState(desk);
  const visibleIds = useRef<ConversationId[]>([]);
  const [helpOpen, setHelpOpen] = useState(false);
  const [visitorOpen, setVisitorOpen] = useState(false);
  // The drawer takes focus when it opens (its close button) and gives it back to the header's button.
  const openVisitor = () => {
    setVisitorOpen(true);
    requestAnimationFrame(() => document.querySelector<HTMLElement>('.visitor-close')?.focus());
  };
  const closeVisitor = () => {
    setVisitorOpen(false);
    document.querySelector<HTMLElement>('.visitor-toggle')?.focus();
  };
  const state = useConsoleState(store);
  const presenceState = useConsoleState(presence);
  const [page, setPage] = useState<ConsolePage>(consolePage(location.pathname));
  const [Reports, setReports] = useState<ReportsPageComponent | null>(null);
  useEffect(() => {
    if (page !== 'reports' || Reports) return;
    reportsPage ??= import('./reports/reports-page.tsx').then((m) => m.default);
    void reportsPage.then((component) => setReports(() => component));
  }, [page]);
  const ownedSites = session.sites.filter((s) => s.role === 'owner');
  const pageLinks = useMemo(
    () =>
      PAGES.filter((p) => ownedSites.length > 0 || !OWNER_PAGES.has(p.page)).map((p) => ({
        ...p,
        href: p.page === 'inbox' ? '/console/' : pathForPage(p.page),
      })),
    [ownedSites.length],
  );

  // The search page reads its filters from the address when it mounts: a new search remounts it.
  const [searchKey, setSearchKey] = useState(0);
  function searchFor(q: string) {
    history.pushState(null, '', `${pathForPage('search')}?${new URLSearchParams({ q })}`);
    setSearchKey((k) => k + 1);
    setPage('search');
  }
  function go(next: ConsolePage) {
    history.pushState(null, '', next === 'inbox' ? pathForConversation(state.open?.id ?? null) : pathForPage(next));
    setPage(next);
  }
  const departmentNames = useMemo(
    () => new Map([...presenceState.routing.values()].flatMap((r) => r.departments.map((d) => [d.id, d.name] as const))),
    [presenceState.routing],
  );
  const connected = state.connection === 'connected';
  const [signingOut, setSigningOut] = useState(false);

  // The URL holds the page and the open conversation; back/forward move between them.
  useEffect(() => {
    const fromUrl = () => {
      setPage(consolePage(location.pathname));
      setSearchKey((k) => k + 1);
      store.openConversation(conversationIdFromPath(location.pathname));
    };
    fromUrl();
    addEventListener('popstate', fromUrl);
    return () => removeEventListener('popstate', fromUrl);
  }, [store]);

  function select(id: ConversationId) {
    setPage('inbox');
    if (state.open?.id === id && page === 'inbox') return;
    history.pushState(null, '', pathForConversation(id));
    store.openConversation(id);
  }

  openFromNotification.current = select;
  useTabTitle(state.inbox.conversations, session.agent.id);
  useShortcuts((action) => {
    if (action === 'show-help') return setHelpOpen(true);
    if (page !== 'inbox') return;
    if (action === 'next-conversation' || action === 'previous-conversation') {
      const next = neighbour(visibleIds.current, state.open?.id ?? null, action === 'next-conversation' ? 1 : -1);
      if (next) select(next as ConversationId);
    } else if (action === 'close-conversation') {
      if (state.open?.detail?.conversation.status === 'open') void store.close();
    } else {
      focusComposer(action === 'canned-replies');
    }
  });

  const siteNames = useMemo(() => new Map(session.sites.map((s) => [s.id, s.name])), [session.sites]);
  const multiSite = session.sites.length > 1;
  const detail = state.open?.detail ?? null;

  return (
    <div class="shell">
      <TopBar pages={pageLinks} current={page} onGo={go}>
        <p class={`connection connection--${state.connection}`} role="status">
          <span class="connection-dot" aria-hidden="true" />
          {CONNECTION_LABEL[state.connection]}
        </p>
        <StatusControl presence={presence} state={presenceState} agentId={session.agent.id} connected={connected} />
        <AccountMenu
          agent={session.agent}
          notifier={notifier}
          onShortcuts={() => setHelpOpen(true)}
          signingOut={signingOut}
          onSignOut={() => {
            setSigningOut(true);
            outbox.clear(); // unsent replies must not go out later under another agent's login
            drafts.clearAll();
            store.dispose();
            history.replaceState(null, '', pathForConversation(null));
            onSignOut();
          }}
        />
      </TopBar>
      <AwayBanner presence={presence} state={presenceState} agentId={session.agent.id} connected={connected} />
      {page === 'search' && <SearchPage key={searchKey} session={session} labels={deskState.labels} onOpen={select} />}
      {page === 'reports' && (Reports ? <Reports sites={ownedSites} /> : <p role="status">Loading reports…</p>)}
      {page === 'agents' && <AgentsView state={presenceState} sites={session.sites} agentId={session.agent.id} />}
      {helpOpen && <ShortcutsHelp onClose={() => setHelpOpen(false)} />}
      {page === 'replies' && <RepliesPage sites={session.sites} desk={desk} />}
      {page === 'triggers' && <TriggersPage sites={ownedSites} onClose={() => go('inbox')} />}
      {page === 'settings' && <SettingsPage session={session} />}
      {/* Kept mounted while another page shows, so a half-written reply survives a look at Reports. */}
      <div
        class="columns"
        hidden={page !== 'inbox'}
        onKeyDown={(e) => {
          // Escape closes the visitor drawer (from the drawer or its button) and gives focus back to the button.
          if (e.key !== 'Escape' || !visitorOpen || e.defaultPrevented) return;
          e.stopPropagation();
          closeVisitor();
        }}
      >
          <InboxNav
            inbox={state.inbox}
            loaded={state.inboxLoaded}
            agentId={session.agent.id}
            sites={session.sites}
            openId={state.open?.id ?? null}
            onSelect={select}
            departmentNames={departmentNames}
            onClaim={(id) => void store.claim(id)}
            canClaim={connected}
            labels={deskState.labels}
            visibleIds={visibleIds}
            onSearch={searchFor}
          />
          <main class="conversation-column" aria-label="Conversation">
            <ConversationView
              store={store}
              open={state.open}
              pending={state.pending}
              agentId={session.agent.id}
              siteName={multiSite && detail ? (siteNames.get(detail.conversation.siteId) ?? null) : null}
              connected={connected}
              presence={presenceState}
              desk={deskState}
              agentName={session.agent.name}
              siteNames={siteNames}
              onLabelCreated={() => void desk.reloadLabels()}
              drafts={drafts}
              visitorPanel={{ open: visitorOpen, onToggle: () => (visitorOpen ? setVisitorOpen(false) : openVisitor()) }}
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
          {/* Beside the conversation from 1200 px; narrower, a drawer over it that the header's "Visitor" button opens. */}
          <aside id="visitor-column" class={`visitor-column${visitorOpen ? ' visitor-column--open' : ''}`} aria-label="Visitor">
            <button type="button" class="button button--ghost visitor-close" aria-label="Close visitor details" onClick={closeVisitor}>
              ×
            </button>
            <VisitorPanel detail={detail} onOpen={select} />
          </aside>
        </div>
    </div>
  );
}
