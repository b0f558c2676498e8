import type { ConversationId, ConversationSummary, InboxActivity } from '@hearth/protocol';

/**
 * The agent's inbox: open conversations of every site the agent belongs to, most recently active
 * first. Kept live by the agent namespace's facts; rebuilt from `inbox:list` on every (re)connect.
 *
 * @example
 * let s = inboxReducer(emptyInbox, { type: 'listed', conversations });
 * s = inboxReducer(s, { type: 'message', message });
 * visibleConversations(s, { tab: 'mine', siteId: null }, me);
 */
export interface InboxState {
  conversations: ConversationSummary[];
}

export type InboxTab = 'unassigned' | 'mine' | 'all';

export interface InboxFilter {
  tab: InboxTab;
  /** null: every site. */
  siteId: string | null;
}

export type InboxAction =
  | { type: 'listed'; conversations: ConversationSummary[] }
  | { type: 'created'; conversation: ConversationSummary }
  | { type: 'updated'; conversation: ConversationSummary }
  /** A new message, or a colleague's conversation's batched preview (`inbox:activity`). */
  | { type: 'message'; message: InboxActivity }
  | { type: 'read'; conversationId: ConversationId; upToSeq: number }
  | { type: 'cleared' };

export const emptyInbox: InboxState = { conversations: [] };

export function inboxReducer(state: InboxState, action: InboxAction): InboxState {
  switch (action.type) {
    case 'listed':
      return { conversations: action.conversations.filter(isOpen).sort(byActivityDesc) };
    case 'created':
    case 'updated':
      return upsert(state, action.conversation, action.type === 'created');
    case 'message':
      return applyMessage(state, action.message);
    case 'read':
      return mapOne(state, action.conversationId, (c) =>
        action.upToSeq > c.agentReadSeq ? { ...c, agentReadSeq: action.upToSeq } : c,
      );
    case 'cleared':
      return emptyInbox;
  }
}

function isOpen(c: ConversationSummary): boolean {
  return c.status === 'open';
}

function activityOf(c: ConversationSummary): number {
  return c.lastMessage?.createdAt ?? c.createdAt;
}

function byActivityDesc(a: ConversationSummary, b: ConversationSummary): number {
  return activityOf(b) - activityOf(a);
}

/** Replace by id (a closed conversation leaves the open lists); a new one goes on top. */
function upsert(state: InboxState, conversation: ConversationSummary, isNew: boolean): InboxState {
  const index = state.conversations.findIndex((c) => c.id === conversation.id);
  if (!isOpen(conversation)) {
    if (index === -1) return state;
    return { conversations: state.conversations.filter((c) => c.id !== conversation.id) };
  }
  if (index === -1) {
    return { conversations: [conversation, ...state.conversations] };
  }
  const existing = state.conversations[index]!;
  // A `created` replayed after a newer update must not roll the row back.
  if (isNew && existing.updatedAt > conversation.updatedAt) return state;
  const next = state.conversations.slice();
  next[index] = conversation;
  return { conversations: next };
}

function applyMessage(state: InboxState, message: InboxActivity): InboxState {
  const index = state.conversations.findIndex((c) => c.id === message.conversationId);
  if (index === -1) return state;
  const current = state.conversations[index]!;
  // The same message may arrive twice (site room and conversation room, or ack and broadcast).
  if (message.seq <= current.lastSeq && current.lastMessage !== null) return state;
  const updated: ConversationSummary = {
    ...current,
    lastSeq: Math.max(current.lastSeq, message.seq),
    lastMessage: { body: message.body, authorType: message.authorType, createdAt: message.createdAt },
    updatedAt: Math.max(current.updatedAt, message.createdAt),
  };
  const rest = state.conversations.filter((_, i) => i !== index);
  return { conversations: [updated, ...rest] };
}

function mapOne(
  state: InboxState,
  id: string,
  fn: (c: ConversationSummary) => ConversationSummary,
): InboxState {
  let changed = false;
  const conversations = state.conversations.map((c) => {
    if (c.id !== id) return c;
    const next = fn(c);
    changed ||= next !== c;
    return next;
  });
  return changed ? { conversations } : state;
}

function inTab(c: ConversationSummary, tab: InboxTab, agentId: string): boolean {
  if (tab === 'unassigned') return c.assignedAgentId === null;
  if (tab === 'mine') return c.assignedAgentId === agentId;
  return true;
}

function inSite(c: ConversationSummary, siteId: string | null): boolean {
  return siteId === null || c.siteId === siteId;
}

export function visibleConversations(state: InboxState, filter: InboxFilter, agentId: string): ConversationSummary[] {
  return state.conversations.filter((c) => inSite(c, filter.siteId) && inTab(c, filter.tab, agentId));
}

/** Row counts per tab, within the site filter. */
export function tabCounts(state: InboxState, siteId: string | null, agentId: string): Record<InboxTab, number> {
  const counts: Record<InboxTab, number> = { unassigned: 0, mine: 0, all: 0 };
  for (const c of state.conversations) {
    if (!inSite(c, siteId)) continue;
    counts.all += 1;
    if (c.assignedAgentId === null) counts.unassigned += 1;
    if (c.assignedAgentId === agentId) counts.mine += 1;
  }
  return counts;
}

/** The visitor spoke last and the agent side has not read it yet. */
export function isUnread(c: ConversationSummary): boolean {
  return c.lastMessage?.authorType === 'visitor' && c.lastSeq > c.agentReadSeq;
}

/** "Visitor 3f9a1c" when the visitor has not told us their name. */
export function visitorLabel(c: { visitorName: string | null; visitorId: string }): string {
  const name = c.visitorName?.trim();
  return name ? name : `Visitor ${shortId(c.visitorId)}`;
}

export function shortId(id: string): string {
  return id.replace(/[^A-Za-z0-9]/g, '').slice(0, 6);
}

/** One line of the last message for the row preview: whitespace collapsed, text only. */
export function previewOf(c: ConversationSummary, max = 80): string {
  const body = c.lastMessage?.body.replace(/\s+/g, ' ').trim() ?? '';
  if (!body) return 'No messages yet';
  return body.length > max ? `${body.slice(0, max - 1)}…` : body;
}

/** Rows carrying a label; null keeps every row (the label filter sits on top of the tab and site filters). */
export function withLabel(conversations: ConversationSummary[], labelId: string | null): ConversationSummary[] {
  return labelId === null ? conversations : conversations.filter((c) => c.labels?.some((l) => l.id === labelId));
}
