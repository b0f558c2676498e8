import { useState } from 'preact/hooks';
import type { AgentSite, ConversationId, ConversationSummary, Label } from '@hearth/protocol';
import { useNow } from '../store/use-console-state.ts';
import { fullTime, relativeTime } from '../time/relative-time.ts';
import { isUnread, previewOf, tabCounts, visibleConversations, visitorLabel, withLabel, type InboxState, type InboxTab } from './inbox-state.ts';
import { waitingConversations } from './queue-order.ts';
import { QueueRow } from './queue-row.tsx';
import { LabelChip } from '../conversation/label-menu.tsx';
import { ClosedList } from './closed-list.tsx';

interface Props {
  inbox: InboxState;
  loaded: boolean;
  agentId: string;
  sites: AgentSite[];
  openId: string | null;
  onSelect: (id: ConversationId) => void;
  /** Department id → name, for the queue rows. */
  departmentNames: ReadonlyMap<string, string>;
  onClaim: (id: ConversationId) => void;
  canClaim: boolean;
  /** The agent's sites' labels, for the label filter. */
  labels: Label[];
  /** Receives the rows in the order shown, for the next/previous shortcuts. */
  visibleIds: { current: ConversationId[] };
  /** Searches every conversation (the Search page, with `q` in its address). */
  onSearch: (q: string) => void;
}

/** The live tabs, plus Closed (read page by page from the server, not kept live). */
type NavTab = InboxTab | 'closed';

const TABS: ReadonlyArray<[NavTab, string]> = [
  // The unassigned conversations are the queue: oldest wait first, with a claim action.
  ['unassigned', 'Queue'],
  ['mine', 'Mine'],
  ['all', 'All open'],
  ['closed', 'Closed'],
];

const EMPTY_TEXT: Record<InboxTab, string> = {
  unassigned: 'No one is waiting. New conversations appear here.',
  mine: 'No conversations assigned to you.',
  all: 'No open conversations.',
};

export function InboxNav({ inbox, loaded, agentId, sites, openId, onSelect, departmentNames, onClaim, canClaim, labels, visibleIds, onSearch }: Props) {
  const [tab, setTab] = useState<NavTab>('all');
  const [q, setQ] = useState('');
  const [siteId, setSiteId] = useState<string | null>(null);
  const [labelId, setLabelId] = useState<string | null>(null);
  const now = useNow();
  const multiSite = sites.length > 1;
  const counts = tabCounts(inbox, siteId, agentId);
  const rows =
    tab === 'closed'
      ? []
      : withLabel(tab === 'unassigned' ? waitingConversations(inbox, siteId) : visibleConversations(inbox, { tab, siteId }, agentId), labelId);
  visibleIds.current = rows.map((c) => c.id);
  const siteNames = new Map(sites.map((s) => [s.id, s.name]));

  function onTabKey(event: KeyboardEvent) {
    // Arrow keys move between tabs (WAI-ARIA tabs pattern, automatic activation).
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    const index = TABS.findIndex(([t]) => t === tab);
    const next = TABS[(index + (event.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]![0];
    setTab(next);
    document.getElementById(`inbox-tab-${next}`)?.focus();
    event.preventDefault();
  }

  return (
    <nav class="inbox-column" aria-label="Inbox">
      <div class="inbox-head">
        <h2 class="column-title">Inbox</h2>
        <form
          class="inbox-search"
          role="search"
          aria-label="Search conversations"
          onSubmit={(e) => {
            e.preventDefault();
            if (q.trim()) onSearch(q.trim());
          }}
        >
          <input
            type="search"
            dir="auto"
            aria-label="Search by name, email or message"
            placeholder="Search name, email or message…"
            value={q}
            maxLength={200}
            onInput={(e) => setQ(e.currentTarget.value)}
          />
        </form>
        {multiSite && (
          <div class="site-filter">
            <label for="site-filter">Site</label>
            <select id="site-filter" value={siteId ?? ''} onChange={(e) => setSiteId(e.currentTarget.value || null)}>
              <option value="">All sites</option>
              {sites.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
        )}
        {labels.length > 0 && (
          <div class="site-filter">
            <label for="label-filter">Label</label>
            <select id="label-filter" value={labelId ?? ''} onChange={(e) => setLabelId(e.currentTarget.value || null)}>
              <option value="">Any label</option>
              {labels
                .filter((l) => siteId === null || l.siteId === siteId)
                .map((l) => (
                  <option key={l.id} value={l.id}>
                    {multiSite ? `${l.name} (${sites.find((s) => s.id === l.siteId)?.name ?? ''})` : l.name}
                  </option>
                ))}
            </select>
          </div>
        )}
        <div class="tabs" role="tablist" aria-label="Conversation filter" onKeyDown={onTabKey}>
          {TABS.map(([id, label]) => (
            <button
              key={id}
              id={`inbox-tab-${id}`}
              type="button"
              role="tab"
              class="tab"
              aria-selected={tab === id}
              aria-controls="inbox-list"
              tabIndex={tab === id ? 0 : -1}
              onClick={() => setTab(id)}
            >
              {label}
              {id !== 'closed' && (
                <>
                  {' '}
                  <span class="tab-count">{counts[id]}</span>
                </>
              )}
            </button>
          ))}
        </div>
      </div>
      <div id="inbox-list" class="inbox-list" role="tabpanel" aria-labelledby={`inbox-tab-${tab}`}>
        {tab === 'closed' && <ClosedList siteId={siteId} labelId={labelId} openId={openId} now={now} onSelect={onSelect} />}
        {tab !== 'closed' && !loaded && <p class="empty">Loading conversations…</p>}
        {tab !== 'closed' && loaded && rows.length === 0 && <p class="empty">{EMPTY_TEXT[tab]}</p>}
        {rows.length > 0 && (
          <ul class="rows">
            {rows.map((c) => (
              <li key={c.id}>
                {tab === 'unassigned' ? (
                  <QueueRow
                    conversation={c}
                    siteName={multiSite ? (siteNames.get(c.siteId) ?? null) : null}
                    departmentName={c.departmentId ? (departmentNames.get(c.departmentId) ?? null) : null}
                    selected={c.id === openId}
                    now={now}
                    canClaim={canClaim}
                    onSelect={onSelect}
                    onClaim={onClaim}
                  />
                ) : (
                  <InboxRow
                    conversation={c}
                    siteName={multiSite ? (siteNames.get(c.siteId) ?? null) : null}
                    selected={c.id === openId}
                    mine={c.assignedAgentId === agentId}
                    now={now}
                    onSelect={onSelect}
                  />
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
    </nav>
  );
}

interface RowProps {
  conversation: ConversationSummary;
  siteName: string | null;
  selected: boolean;
  mine: boolean;
  now: number;
  onSelect: (id: ConversationId) => void;
}

function InboxRow({ conversation: c, siteName, selected, mine, now, onSelect }: RowProps) {
  const unread = isUnread(c);
  const at = c.lastMessage?.createdAt ?? c.createdAt;
  const name = visitorLabel(c);
  return (
    <button
      type="button"
      class={`row${selected ? ' row--selected' : ''}${unread ? ' row--unread' : ''}`}
      aria-current={selected ? 'page' : undefined}
      onClick={() => onSelect(c.id)}
    >
      <span class="row-top">
        <span class="row-name" dir="auto" title={name}>
          {name}
        </span>
        <time class="row-time" dateTime={new Date(at).toISOString()} title={fullTime(at)}>
          {relativeTime(at, now)}
        </time>
      </span>
      <span class="row-bottom">
        <span class="row-preview" dir="auto" title={previewOf(c)}>
          {previewOf(c)}
        </span>
        {unread && <span class="unread-dot" role="img" aria-label="Unread" />}
      </span>
      {(siteName || c.assignedAgentName || !!c.labels?.length) && (
        <span class="row-meta">
          {siteName && <span class="chip">{siteName}</span>}
          {c.labels?.map((l) => (
            <LabelChip key={l.id} label={l} />
          ))}
          {c.assignedAgentName && (
            <span class="row-assignee">
              {mine ? (
                'Assigned to you'
              ) : (
                <>
                  Assigned to <bdi>{c.assignedAgentName}</bdi>
                </>
              )}
            </span>
          )}
        </span>
      )}
    </button>
  );
}
