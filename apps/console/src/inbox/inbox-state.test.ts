import { describe, expect, it } from 'vitest';
import { aid, cid, message, mid, sid, summary } from '../test-support/fixtures.ts';
import {
  emptyInbox,
  inboxReducer,
  isUnread,
  previewOf,
  tabCounts,
  visibleConversations,
  visitorLabel,
  withLabel,
  type InboxState,
} from './inbox-state.ts';

const ids = (s: InboxState) => s.conversations.map((c) => c.id);

describe('inboxReducer', () => {
  it('lists open conversations, most recently active first', () => {
    const s = inboxReducer(emptyInbox, {
      type: 'listed',
      conversations: [
        summary({ id: cid('a'), createdAt: 10 }),
        summary({ id: cid('b'), createdAt: 5, lastMessage: { body: 'x', authorType: 'visitor', createdAt: 50 } }),
        summary({ id: cid('closed'), status: 'closed', createdAt: 99 }),
      ],
    });
    expect(ids(s)).toEqual(['b', 'a']);
  });

  it('puts a created conversation on top and ignores a replayed older copy', () => {
    let s = inboxReducer(emptyInbox, { type: 'listed', conversations: [summary({ id: cid('a') })] });
    s = inboxReducer(s, { type: 'created', conversation: summary({ id: cid('b'), updatedAt: 10 }) });
    expect(ids(s)).toEqual(['b', 'a']);
    s = inboxReducer(s, { type: 'updated', conversation: summary({ id: cid('b'), updatedAt: 20, assignedAgentId: aid('me') }) });
    s = inboxReducer(s, { type: 'created', conversation: summary({ id: cid('b'), updatedAt: 10 }) });
    expect(s.conversations[0]!.assignedAgentId).toBe('me');
  });

  it('replaces an updated conversation in place and drops it once closed', () => {
    let s = inboxReducer(emptyInbox, { type: 'listed', conversations: [summary({ id: cid('a'), createdAt: 5_000 }), summary({ id: cid('b') })] });
    s = inboxReducer(s, { type: 'updated', conversation: summary({ id: cid('b'), assignedAgentId: aid('me') }) });
    expect(ids(s)).toEqual(['a', 'b']);
    expect(s.conversations[1]!.assignedAgentId).toBe('me');
    s = inboxReducer(s, { type: 'updated', conversation: summary({ id: cid('a'), status: 'closed' }) });
    expect(ids(s)).toEqual(['b']);
    const same = inboxReducer(s, { type: 'updated', conversation: summary({ id: cid('zzz'), status: 'closed' }) });
    expect(same).toBe(s);
  });

  it('adds an updated conversation it did not know (e.g. reopened)', () => {
    const s = inboxReducer(emptyInbox, { type: 'updated', conversation: summary({ id: cid('n') }) });
    expect(ids(s)).toEqual(['n']);
  });

  it('moves a conversation to the top on a new message and updates its preview', () => {
    let s = inboxReducer(emptyInbox, { type: 'listed', conversations: [summary({ id: cid('a'), createdAt: 5_000 }), summary({ id: cid('c1') })] });
    expect(ids(s)).toEqual(['a', 'c1']);
    s = inboxReducer(s, { type: 'message', message: message({ seq: 1, body: 'hi there' }) });
    expect(ids(s)).toEqual(['c1', 'a']);
    expect(s.conversations[0]).toMatchObject({ lastSeq: 1, lastMessage: { body: 'hi there', authorType: 'visitor' } });
  });

  it('applies the same message once (it can arrive from two rooms)', () => {
    let s = inboxReducer(emptyInbox, { type: 'listed', conversations: [summary({ id: cid('c1') }), summary({ id: cid('a'), createdAt: 2 })] });
    s = inboxReducer(s, { type: 'message', message: message({ seq: 1 }) });
    s = inboxReducer(s, { type: 'message', message: message({ id: mid('other'), conversationId: cid('a'), seq: 1 }) });
    const again = inboxReducer(s, { type: 'message', message: message({ seq: 1 }) });
    expect(again).toBe(s);
    expect(ids(again)).toEqual(['a', 'c1']);
  });

  it('ignores messages of conversations outside the inbox', () => {
    const s = inboxReducer(emptyInbox, { type: 'listed', conversations: [summary({ id: cid('a') })] });
    expect(inboxReducer(s, { type: 'message', message: message() })).toBe(s);
  });

  it('only moves the agent read mark forward', () => {
    let s = inboxReducer(emptyInbox, { type: 'listed', conversations: [summary({ agentReadSeq: 3 })] });
    expect(inboxReducer(s, { type: 'read', conversationId: cid('c1'), upToSeq: 2 })).toBe(s);
    s = inboxReducer(s, { type: 'read', conversationId: cid('c1'), upToSeq: 5 });
    expect(s.conversations[0]!.agentReadSeq).toBe(5);
  });
});

describe('tabs and filters', () => {
  const s = inboxReducer(emptyInbox, {
    type: 'listed',
    conversations: [
      summary({ id: cid('u1'), siteId: sid('s1'), createdAt: 4 }),
      summary({ id: cid('m1'), siteId: sid('s1'), assignedAgentId: aid('me'), createdAt: 3 }),
      summary({ id: cid('o1'), siteId: sid('s2'), assignedAgentId: aid('other'), createdAt: 2 }),
      summary({ id: cid('u2'), siteId: sid('s2'), createdAt: 1 }),
    ],
  });

  it('filters by tab', () => {
    expect(visibleConversations(s, { tab: 'unassigned', siteId: null }, 'me').map((c) => c.id)).toEqual(['u1', 'u2']);
    expect(visibleConversations(s, { tab: 'mine', siteId: null }, 'me').map((c) => c.id)).toEqual(['m1']);
    expect(visibleConversations(s, { tab: 'all', siteId: null }, 'me')).toHaveLength(4);
  });

  it('filters by site and counts within it', () => {
    expect(visibleConversations(s, { tab: 'all', siteId: sid('s2') }, 'me').map((c) => c.id)).toEqual(['o1', 'u2']);
    expect(tabCounts(s, null, 'me')).toEqual({ unassigned: 2, mine: 1, all: 4 });
    expect(tabCounts(s, 's2', 'me')).toEqual({ unassigned: 1, mine: 0, all: 2 });
  });
});

describe('row helpers', () => {
  it('marks unread only when the visitor spoke last after the read mark', () => {
    const visitorLast = { body: 'x', authorType: 'visitor' as const, createdAt: 1 };
    expect(isUnread(summary({ lastSeq: 2, agentReadSeq: 1, lastMessage: visitorLast }))).toBe(true);
    expect(isUnread(summary({ lastSeq: 2, agentReadSeq: 2, lastMessage: visitorLast }))).toBe(false);
    expect(isUnread(summary({ lastSeq: 2, agentReadSeq: 1, lastMessage: { ...visitorLast, authorType: 'agent' } }))).toBe(false);
    expect(isUnread(summary())).toBe(false);
  });

  it('labels anonymous visitors with a short id', () => {
    expect(visitorLabel({ visitorName: 'Ada', visitorId: 'x' })).toBe('Ada');
    expect(visitorLabel({ visitorName: '  ', visitorId: '3f9a1c2d-77' })).toBe('Visitor 3f9a1c');
  });

  it('previews one line of text, truncated', () => {
    const withBody = (body: string) => summary({ lastMessage: { body, authorType: 'visitor', createdAt: 1 } });
    expect(previewOf(withBody('hello\n\n  world'))).toBe('hello world');
    expect(previewOf(withBody('a'.repeat(100)), 10)).toBe(`${'a'.repeat(9)}…`);
    expect(previewOf(summary())).toBe('No messages yet');
  });
});

describe('label filter', () => {
  it('keeps only rows with the label, and everything without a filter', () => {
    const vip = { id: 'l1', name: 'vip', color: '#aa0000' };
    const rows = [summary({ id: cid('a'), labels: [vip] }), summary({ id: cid('b'), labels: [] }), summary({ id: cid('c') })];
    expect(withLabel(rows, 'l1').map((c) => c.id)).toEqual(['a']);
    expect(withLabel(rows, null)).toBe(rows);
  });
});
