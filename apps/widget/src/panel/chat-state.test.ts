import { describe, expect, it } from 'vitest';
import type { ConversationId, Message, MessageId, VisitorConversation } from '@hearth/protocol';
import {
  EMPTY_TIMELINE, applyMessage, applySync, mergeConversation, offlineMessage, pendingItems, routingText, seenSeq, showsOfflineForm, toPageViewInput,
} from './chat-state.ts';
import { en } from './i18n/en.ts';
import { de } from './i18n/de.ts';

const conv = (id: string, patch: Partial<VisitorConversation> = {}): VisitorConversation => ({
  id: id as ConversationId, status: 'open', lastSeq: 0, agentReadSeq: 0, assignedAgentName: null, queue: null, csat: null, ...patch,
});
const msg = (seq: number, authorType: Message['authorType'] = 'visitor', conversationId = 'c1'): Message => ({
  id: `m${seq}` as MessageId, conversationId: conversationId as ConversationId, seq, clientId: `client-${seq}`, authorType,
  authorId: authorType === 'agent' ? 'a1' : 'v1', authorName: null, body: `#${seq}`, createdAt: seq,
});

describe('applySync', () => {
  it('merges a delta into the same conversation', () => {
    const t = applySync(EMPTY_TIMELINE, { conversation: conv('c1', { lastSeq: 2 }), messages: [msg(1), msg(2)] });
    const next = applySync(t, { conversation: conv('c1', { lastSeq: 3 }), messages: [msg(3)] });
    expect(next.messages.map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(next.conversation?.lastSeq).toBe(3);
  });
  it('replaces the timeline when the conversation changed (seqs restart per conversation)', () => {
    const t = applySync(EMPTY_TIMELINE, { conversation: conv('c1'), messages: [msg(1), msg(2)] });
    const next = applySync(t, { conversation: conv('c2'), messages: [msg(1, 'visitor', 'c2')] });
    expect(next.conversation?.id).toBe('c2');
    expect(next.messages).toHaveLength(1);
    expect(applySync(t, { conversation: null, messages: [] })).toBe(EMPTY_TIMELINE);
  });
  it('never moves receipts backwards', () => {
    expect(mergeConversation(conv('c1', { agentReadSeq: 5 }), conv('c1', { agentReadSeq: 3 })).agentReadSeq).toBe(5);
  });
});

describe('applyMessage', () => {
  it('returns the same timeline for a duplicate', () => {
    const t = applySync(EMPTY_TIMELINE, { conversation: conv('c1', { lastSeq: 1 }), messages: [msg(1)] });
    expect(applyMessage(t, msg(1))).toBe(t);
    expect(applyMessage(t, msg(2, 'agent')).conversation?.lastSeq).toBe(2);
  });
});

describe('seenSeq', () => {
  it('marks the last visitor message the agent has read', () => {
    const messages = [msg(1), msg(2, 'agent'), msg(3), msg(4)];
    expect(seenSeq(messages, 0)).toBeNull();
    expect(seenSeq(messages, 2)).toBe(1);
    expect(seenSeq(messages, 3)).toBe(3);
    expect(seenSeq(messages, 9)).toBe(4);
  });
});

describe('pendingItems', () => {
  it('hides entries already delivered and marks those in flight', () => {
    const entries = [
      { clientId: 'client-1', body: 'a', queuedAt: 1 },
      { clientId: 'client-x', body: 'b', queuedAt: 2 },
      { clientId: 'client-y', body: 'c', queuedAt: 3 },
    ];
    const items = pendingItems(entries, [], [msg(1)], new Set(['client-x']));
    expect(items.map((p) => [p.clientId, p.status])).toEqual([
      ['client-x', 'sending'],
      ['client-y', 'queued'],
    ]);
  });
});

describe('toPageViewInput', () => {
  it('fits the page:view schema or gives up', () => {
    expect(toPageViewInput({ url: 'https://a.io/x', title: 't'.repeat(600), referrer: '' })).toEqual({
      url: 'https://a.io/x', title: 't'.repeat(512), referrer: null,
    });
    expect(toPageViewInput({ url: 'file:///x.html', title: '', referrer: null })).toBeNull();
    expect(toPageViewInput({ url: `https://a.io/${'x'.repeat(2048)}`, title: '', referrer: null })).toBeNull();
  });
});

describe('routingText', () => {
  it('tells a waiting visitor their place and the estimate, rounded up to whole minutes', () => {
    expect(routingText(conv('c1', { queue: { position: 2, estimatedWaitSeconds: 61 } }), en, true)).toBe("You're number 2 in line · about 2 min");
    expect(routingText(conv('c1', { queue: { position: 1, estimatedWaitSeconds: 5 } }), en, true)).toBe("You're number 1 in line · about 1 min");
    expect(routingText(conv('c1', { queue: { position: 1, estimatedWaitSeconds: null } }), en, true)).toBe("You're number 1 in line · we'll be with you shortly");
  });
  it('names the agent once assigned, and says nothing for closed or unrouted conversations', () => {
    expect(routingText(conv('c1', { assignedAgentName: 'Ada' }), en, true)).toBe("You're chatting with Ada");
    expect(routingText(conv('c1', { assignedAgentName: 'Ada' }), de, true)).toBe('Sie chatten mit Ada');
    // The site hides its agents: no name.
    expect(routingText(conv('c1', { assignedAgentName: 'Ada' }), en, false)).toBeNull();
    expect(routingText(conv('c1', { assignedAgentName: 'Ada', status: 'closed' }), en, true)).toBeNull();
    expect(routingText(conv('c1'), en, true)).toBeNull();
    expect(routingText(null, en, true)).toBeNull();
  });
});

describe('offline form', () => {
  it('shows only when nobody is online and no conversation is open', () => {
    expect(showsOfflineForm(false, null)).toBe(true);
    expect(showsOfflineForm(false, conv('c1', { status: 'closed' }))).toBe(true);
    expect(showsOfflineForm(false, conv('c1'))).toBe(false);
    expect(showsOfflineForm(true, null)).toBe(false);
  });
  it('puts name and email on top of the message, skipping an empty name', () => {
    expect(offlineMessage(' Ada ', 'ada@example.com', ' Hello ')).toBe('Name: Ada\nEmail: ada@example.com\n\nHello');
    expect(offlineMessage('', 'ada@example.com', 'Hello')).toBe('Email: ada@example.com\n\nHello');
  });
});
