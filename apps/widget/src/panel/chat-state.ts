import type { HostPage, Message, PageViewInput, VisitorConversation, VisitorSyncResult } from '@hearth/protocol';
import { mergeMessages, type OutboxEntry } from '@hearth/chat-client';
import { format, type Strings } from './i18n/strings.ts';

/**
 * Pure rules for the visitor's view of their conversation. Seqs are per conversation, so a timeline
 * only ever holds one conversation: a different conversation id replaces it instead of merging.
 */
export interface Timeline {
  conversation: VisitorConversation | null;
  messages: Message[];
}

export interface PendingItem {
  clientId: string;
  body: string;
  queuedAt: number;
  status: 'sending' | 'queued' | 'failed';
  error?: string;
}

export const EMPTY_TIMELINE: Timeline = { conversation: null, messages: [] };

/** Live updates can overtake each other: receipts only move forward. */
export function mergeConversation(prev: VisitorConversation | null, next: VisitorConversation): VisitorConversation {
  if (!prev || prev.id !== next.id) return next;
  return {
    ...next,
    lastSeq: Math.max(prev.lastSeq, next.lastSeq),
    agentReadSeq: Math.max(prev.agentReadSeq, next.agentReadSeq),
  };
}

/** Applies a `conversation:sync` answer (also used for a send ack, which is a one-message answer). */
export function applySync(t: Timeline, result: Pick<VisitorSyncResult, 'conversation' | 'messages'>): Timeline {
  const next = result.conversation;
  if (!next) return EMPTY_TIMELINE;
  if (next.id !== t.conversation?.id) return { conversation: next, messages: mergeMessages([], result.messages) };
  return { conversation: mergeConversation(t.conversation, next), messages: mergeMessages(t.messages, result.messages) };
}

/** Merges a live message of the current conversation (the caller checks the id). */
export function applyMessage(t: Timeline, message: Message): Timeline {
  const messages = mergeMessages(t.messages, [message]);
  if (messages === t.messages || !t.conversation) return t;
  return { conversation: { ...t.conversation, lastSeq: Math.max(t.conversation.lastSeq, message.seq) }, messages };
}

/** Seq of the visitor message that carries the "Seen" receipt: the last one the agent side has read. */
export function seenSeq(messages: readonly Message[], agentReadSeq: number): number | null {
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i]!;
    if (m.authorType === 'visitor' && m.seq <= agentReadSeq) return m.seq;
  }
  return null;
}

/**
 * Messages typed but not in the timeline yet. An entry whose clientId already appears in the timeline
 * was delivered (its broadcast can beat its ack), so it is not shown twice.
 */
export function pendingItems(
  entries: readonly OutboxEntry[],
  failed: readonly PendingItem[],
  messages: readonly Message[],
  inFlight: ReadonlySet<string>,
): PendingItem[] {
  const delivered = new Set(messages.map((m) => m.clientId));
  const waiting = entries
    .filter((e) => !delivered.has(e.clientId))
    .map((e): PendingItem => ({ ...e, status: inFlight.has(e.clientId) ? 'sending' : 'queued' }));
  return [...waiting, ...failed];
}

/** Makes a host page acceptable to `page:view`'s schema, or null if it cannot be (e.g. a file: URL). */
export function toPageViewInput(page: HostPage): PageViewInput | null {
  if (page.url.length > 2048 || !/^https?:\/\//i.test(page.url)) return null;
  const referrer = page.referrer && page.referrer.length <= 2048 ? page.referrer : null;
  return { url: page.url, title: page.title.slice(0, 512), referrer };
}

/**
 * The line under the header that tells the visitor where they stand: their place in line while they
 * wait, then who they are talking to (also after a transfer; only where the site shows agents).
 * null when there is nothing to say.
 */
export function routingText(c: VisitorConversation | null, t: Strings, showAgents: boolean): string | null {
  if (!c || c.status !== 'open') return null;
  if (c.queue) {
    const wait = c.queue.estimatedWaitSeconds;
    const eta = wait === null ? t.etaUnknown : format(t.etaMinutes, { minutes: Math.max(1, Math.ceil(wait / 60)) });
    return format(t.queuePosition, { position: c.queue.position, eta });
  }
  return c.assignedAgentName && showAgents ? format(t.chattingWith, { name: c.assignedAgentName }) : null;
}

/** No agent to talk to and nothing under way: the panel offers the leave-a-message form. */
export const showsOfflineForm = (agentsOnline: boolean, c: VisitorConversation | null): boolean =>
  !agentsOnline && c?.status !== 'open';

/**
 * The offline form's message. Name and email also go by `visitor:update`, but they stay in the text
 * too: it is what the agent reads first, maybe by email long after the visitor left. For agents, so
 * not translated (the visitor's words are in their own language anyway).
 */
export function offlineMessage(name: string, email: string, message: string): string {
  const who = [name.trim() && `Name: ${name.trim()}`, `Email: ${email.trim()}`].filter(Boolean).join('\n');
  return `${who}\n\n${message.trim()}`;
}
