import type { ConversationDetail, ConversationId, ConversationNote, ConversationSummary, Message, PageView, VisitorEvent } from '@hearth/protocol';
import { mergeMessages } from '@hearth/chat-client';
import { SESSION_PAGES_CAP, sessionPages } from '@hearth/protocol';

/**
 * Pure transitions of the conversation open in the middle column. The socket layer feeds facts
 * in; nothing here touches the network, so every rule is unit-tested.
 *
 * @example
 * let d = withMessages(detail, [incoming]);
 * const upTo = unreadUpTo(d); // emit messages:read when not null
 */

/** New messages merged by seq; the summary's lastSeq follows the timeline. */
export function withMessages(detail: ConversationDetail, incoming: readonly Message[]): ConversationDetail {
  const own = incoming.filter((m) => m.conversationId === detail.conversation.id);
  const messages = mergeMessages(detail.messages, own);
  if (messages === detail.messages) return detail;
  const last = messages[messages.length - 1]!;
  const conversation =
    last.seq > detail.conversation.lastSeq
      ? {
          ...detail.conversation,
          lastSeq: last.seq,
          lastMessage: { body: last.body, authorType: last.authorType, createdAt: last.createdAt },
        }
      : detail.conversation;
  return { ...detail, messages, conversation };
}

/**
 * A fresh detail from `conversation:open` (a reconnect) replaces what we showed, but keeps messages
 * we already had: the server may send only the latest page.
 */
export function withReopened(previous: ConversationDetail | null, fresh: ConversationDetail): ConversationDetail {
  if (!previous || previous.conversation.id !== fresh.conversation.id) return fresh;
  return withMessages({ ...fresh, messages: previous.messages }, fresh.messages);
}

export function withSummary(detail: ConversationDetail, summary: ConversationSummary): ConversationDetail {
  if (summary.id !== detail.conversation.id) return detail;
  // Read marks only move forward: an older summary must not bring back an unread state.
  return {
    ...detail,
    conversation: {
      ...summary,
      agentReadSeq: Math.max(summary.agentReadSeq, detail.conversation.agentReadSeq),
      visitorReadSeq: Math.max(summary.visitorReadSeq, detail.conversation.visitorReadSeq),
    },
  };
}

export function withVisitorRead(detail: ConversationDetail, upToSeq: number): ConversationDetail {
  if (upToSeq <= detail.conversation.visitorReadSeq) return detail;
  return { ...detail, conversation: { ...detail.conversation, visitorReadSeq: upToSeq } };
}

export function withAgentRead(detail: ConversationDetail, upToSeq: number): ConversationDetail {
  if (upToSeq <= detail.conversation.agentReadSeq) return detail;
  return { ...detail, conversation: { ...detail.conversation, agentReadSeq: upToSeq } };
}

/**
 * Newest first, without repeating the same view; the same session rule and cap as the server's list,
 * so a view after a long gap starts the list afresh.
 */
export function withPage(detail: ConversationDetail, page: PageView, cap = SESSION_PAGES_CAP): ConversationDetail {
  const first = detail.pages[0];
  if (first && first.url === page.url && first.viewedAt === page.viewedAt) return detail;
  const pages = sessionPages([page, ...detail.pages], cap);
  return {
    ...detail,
    pages,
    conversation: { ...detail.conversation, currentPage: { url: page.url, title: page.title } },
  };
}

/**
 * The seq to acknowledge with `messages:read`, or null when no visitor message is unread.
 * Acknowledging the last seq (not just the visitor's) is fine: agent messages are "read" anyway.
 */
export function unreadUpTo(detail: ConversationDetail): number | null {
  const readSeq = detail.conversation.agentReadSeq;
  const hasUnread = detail.messages.some((m) => m.authorType === 'visitor' && m.seq > readSeq);
  if (!hasUnread) return null;
  return detail.messages[detail.messages.length - 1]!.seq;
}

/** The seq of the agent message that gets the "Seen" mark: the last one the visitor has read. */
export function seenSeq(messages: readonly Message[], visitorReadSeq: number): number | null {
  for (let i = messages.length - 1; i >= 0; i -= 1) {
    const m = messages[i]!;
    if (m.authorType === 'agent' && m.seq <= visitorReadSeq) return m.seq;
  }
  return null;
}

export interface PendingReply {
  clientId: string;
  conversationId: ConversationId;
  body: string;
  queuedAt: number;
  /** Set when the server refused it for good (not a timeout): shown with a retry. */
  error?: string;
}

/** Pending replies of one conversation that the timeline does not hold yet. */
export function pendingFor(
  pending: readonly PendingReply[],
  conversationId: string,
  messages: readonly Message[],
): PendingReply[] {
  const delivered = new Set(messages.filter((m) => m.authorType === 'agent').map((m) => m.clientId));
  return pending.filter((p) => p.conversationId === conversationId && !delivered.has(p.clientId));
}

/** A note merged by id (a resend or the fact after our own ack must not show twice), oldest first. */
export function withNote(detail: ConversationDetail, note: ConversationNote): ConversationDetail {
  if (note.conversationId !== detail.conversation.id || detail.notes.some((n) => n.id === note.id)) return detail;
  return { ...detail, notes: [...detail.notes, note].sort((a, b) => a.createdAt - b.createdAt) };
}

/** A tracked event from the visitor's page, newest first, without duplicates. */
export function withTrackedEvent(detail: ConversationDetail, event: VisitorEvent): ConversationDetail {
  const details = detail.visitorDetails;
  if (details.events.some((e) => e.id === event.id)) return detail;
  const events = [event, ...details.events].sort((a, b) => b.at - a.at).slice(0, 50);
  return { ...detail, visitorDetails: { ...details, events } };
}
