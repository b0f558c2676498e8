import { describe, expect, it } from 'vitest';
import { aid, cid, sid, summary } from '../test-support/fixtures.ts';
import { emptyInbox, inboxReducer } from './inbox-state.ts';
import { acceptSecondsLeft, awaitsMyAccept, waitingConversations } from './queue-order.ts';

describe('waitingConversations', () => {
  it('lists unassigned open conversations, longest wait first, within the site filter', () => {
    const inbox = inboxReducer(emptyInbox, {
      type: 'listed',
      conversations: [
        summary({ id: cid('late'), queuedAt: 300, createdAt: 300 }),
        summary({ id: cid('early'), queuedAt: 100, createdAt: 50 }),
        summary({ id: cid('pre-routing'), queuedAt: null, createdAt: 200 }),
        summary({ id: cid('taken'), assignedAgentId: aid('bob'), createdAt: 10 }),
        summary({ id: cid('other-site'), siteId: sid('s2'), queuedAt: 1 }),
        summary({ id: cid('closed'), status: 'closed', queuedAt: 5 }),
      ],
    });
    expect(waitingConversations(inbox, 's1').map((c) => c.id)).toEqual(['early', 'pre-routing', 'late']);
    expect(waitingConversations(inbox, null).map((c) => c.id)).toEqual(['other-site', 'early', 'pre-routing', 'late']);
  });
});

describe('accept', () => {
  it('is awaited only on my open conversations not yet accepted', () => {
    expect(awaitsMyAccept(summary({ assignedAgentId: aid('me'), acceptedAt: null }), 'me')).toBe(true);
    expect(awaitsMyAccept(summary({ assignedAgentId: aid('me'), acceptedAt: 5 }), 'me')).toBe(false);
    expect(awaitsMyAccept(summary({ assignedAgentId: aid('bob'), acceptedAt: null }), 'me')).toBe(false);
    expect(awaitsMyAccept(summary({ assignedAgentId: aid('me'), status: 'closed' }), 'me')).toBe(false);
  });
  it('counts down from the assignment, never below zero', () => {
    const c = summary({ assignedAgentId: aid('me'), assignedAt: 10_000, acceptedAt: null });
    expect(acceptSecondsLeft(c, 30, 10_000)).toBe(30);
    expect(acceptSecondsLeft(c, 30, 29_500)).toBe(11);
    expect(acceptSecondsLeft(c, 30, 99_000)).toBe(0);
    expect(acceptSecondsLeft({ ...c, acceptedAt: 12_000 }, 30, 12_000)).toBeNull();
  });
});
