import { describe, expect, it } from 'vitest';
import { aid, cid, detail, message, summary } from '../test-support/fixtures.ts';
import {
  pendingFor,
  seenSeq,
  unreadUpTo,
  withAgentRead,
  withMessages,
  withPage,
  withReopened,
  withSummary,
  withVisitorRead,
  withNote,
  withTrackedEvent,
} from './conversation-state.ts';

describe('withMessages', () => {
  it('merges by seq, ignores other conversations and advances lastSeq', () => {
    const d0 = detail({ messages: [message({ seq: 1 })] });
    const d1 = withMessages(d0, [message({ seq: 3 }), message({ seq: 2 }), message({ seq: 9, conversationId: cid('other') })]);
    expect(d1.messages.map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(d1.conversation.lastSeq).toBe(3);
    expect(d1.conversation.lastMessage?.body).toBe('hello 3');
  });

  it('returns the same object when nothing is new', () => {
    const d0 = detail({ messages: [message({ seq: 1 })] });
    expect(withMessages(d0, [message({ seq: 1 })])).toBe(d0);
  });
});

describe('withReopened', () => {
  it('keeps messages already shown when the server sends a fresh detail', () => {
    const before = detail({ messages: [message({ seq: 1 }), message({ seq: 2 })] });
    const fresh = detail({ conversation: summary({ assignedAgentId: aid('me') }), messages: [message({ seq: 2 }), message({ seq: 3 })] });
    const after = withReopened(before, fresh);
    expect(after.messages.map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(after.conversation.assignedAgentId).toBe('me');
  });

  it('takes the fresh detail for another conversation', () => {
    const fresh = detail({ conversation: summary({ id: cid('c2') }) });
    expect(withReopened(detail({ messages: [message()] }), fresh)).toBe(fresh);
  });
});

describe('read marks', () => {
  it('only move forward', () => {
    const d = detail({ conversation: summary({ visitorReadSeq: 3, agentReadSeq: 4 }) });
    expect(withVisitorRead(d, 2)).toBe(d);
    expect(withVisitorRead(d, 5).conversation.visitorReadSeq).toBe(5);
    expect(withAgentRead(d, 4)).toBe(d);
    expect(withAgentRead(d, 6).conversation.agentReadSeq).toBe(6);
    const older = withSummary(d, summary({ visitorReadSeq: 1, agentReadSeq: 1, assignedAgentId: aid('x') }));
    expect(older.conversation).toMatchObject({ visitorReadSeq: 3, agentReadSeq: 4, assignedAgentId: aid('x') });
  });

  it('ignores a summary of another conversation', () => {
    const d = detail();
    expect(withSummary(d, summary({ id: cid('c2') }))).toBe(d);
  });

  it('asks to read up to the last seq only when a visitor message is unread', () => {
    const msgs = [message({ seq: 1 }), message({ seq: 2, authorType: 'agent' })];
    expect(unreadUpTo(detail({ messages: msgs }))).toBe(2);
    expect(unreadUpTo(detail({ messages: msgs, conversation: summary({ agentReadSeq: 1 }) }))).toBeNull();
    expect(unreadUpTo(detail())).toBeNull();
  });

  it('puts "Seen" under the last agent message the visitor has read', () => {
    const msgs = [
      message({ seq: 1, authorType: 'agent' }),
      message({ seq: 2, authorType: 'visitor' }),
      message({ seq: 3, authorType: 'agent' }),
      message({ seq: 4, authorType: 'agent' }),
    ];
    expect(seenSeq(msgs, 0)).toBeNull();
    expect(seenSeq(msgs, 2)).toBe(1);
    expect(seenSeq(msgs, 3)).toBe(3);
    expect(seenSeq(msgs, 10)).toBe(4);
  });
});

describe('withPage', () => {
  it('prepends a page view, updates the current page and skips an exact repeat', () => {
    const page = { url: 'https://shop.example/cart', title: 'Cart', referrer: null, viewedAt: 5 };
    const d1 = withPage(detail(), page);
    expect(d1.pages).toEqual([page]);
    expect(d1.conversation.currentPage).toEqual({ url: page.url, title: 'Cart' });
    expect(withPage(d1, page)).toBe(d1);
    expect(withPage(d1, { ...page, viewedAt: 6 }, 1).pages).toHaveLength(1);
  });

  it('starts the list afresh when a view comes more than 30 minutes after the last one', () => {
    const earlier = { url: 'https://shop.example/', title: 'Home', referrer: null, viewedAt: 0 };
    const later = { url: 'https://shop.example/cart', title: 'Cart', referrer: null, viewedAt: 31 * 60_000 };
    expect(withPage(withPage(detail(), earlier), later).pages).toEqual([later]);
  });
});

describe('pendingFor', () => {
  it('shows pending replies of this conversation that the timeline does not hold', () => {
    const pending = [
      { clientId: 'client-1-0000', conversationId: cid('c1'), body: 'a', queuedAt: 1 },
      { clientId: 'new-reply-1', conversationId: cid('c1'), body: 'b', queuedAt: 2 },
      { clientId: 'new-reply-2', conversationId: cid('c2'), body: 'c', queuedAt: 3 },
    ];
    const timeline = [message({ seq: 1, authorType: 'agent' })];
    expect(pendingFor(pending, cid('c1'), timeline).map((p) => p.clientId)).toEqual(['new-reply-1']);
  });
});

describe('notes and tracked events', () => {
  const note = (id: string, createdAt: number) => ({ id, conversationId: cid('c1'), clientId: `client-${id}-000`, authorId: aid('a1'), authorName: 'Sam', body: id, createdAt });
  it('merges notes by id, oldest first, and ignores other conversations', () => {
    let d = withNote(detail(), note('n2', 20));
    d = withNote(d, note('n1', 10));
    expect(withNote(d, note('n1', 10))).toBe(d);
    expect(d.notes.map((n) => n.id)).toEqual(['n1', 'n2']);
    expect(withNote(d, { ...note('n3', 5), conversationId: cid('other') })).toBe(d);
  });
  it('keeps tracked events newest first without duplicates', () => {
    let d = withTrackedEvent(detail(), { id: 'e1', name: 'cart', props: {}, at: 1 });
    d = withTrackedEvent(d, { id: 'e2', name: 'view', props: {}, at: 2 });
    expect(withTrackedEvent(d, { id: 'e1', name: 'cart', props: {}, at: 1 })).toBe(d);
    expect(d.visitorDetails.events.map((e) => e.id)).toEqual(['e2', 'e1']);
  });
});
