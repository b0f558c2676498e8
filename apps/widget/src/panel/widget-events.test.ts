import { describe, expect, it } from 'vitest';
import type { Message, VisitorConversation } from '@hearth/protocol';
import { conversationEvent, isSigned, messageEvent, profileUpdateOf, unseenAgentMessages, wasClosed } from './widget-events.ts';

const conv = (id: string, status: VisitorConversation['status']) =>
  ({ id, status, lastSeq: 1, agentReadSeq: 0, assignedAgentName: null, queue: null, csat: null }) as VisitorConversation;

describe('widget events', () => {
  it('carries plain message data for the host page', () => {
    const m = { id: 'm1', conversationId: 'c1', seq: 2, clientId: 'x', authorType: 'agent', authorId: 'a1', authorName: 'Ada', body: 'Hello', createdAt: 1 } as Message;
    expect(messageEvent('message:received', m)).toEqual({
      type: 'hearth:event',
      name: 'message:received',
      data: { conversationId: 'c1', body: 'Hello', author: 'agent', authorName: 'Ada' },
    });
    expect(conversationEvent('conversation:started', 'c1')).toEqual({ type: 'hearth:event', name: 'conversation:started', data: { conversationId: 'c1' } });
  });

  it('notices a conversation closing only on the open → closed step of the same conversation', () => {
    expect(wasClosed(conv('c1', 'open'), conv('c1', 'closed'))).toBe(true);
    expect(wasClosed(conv('c1', 'closed'), conv('c1', 'closed'))).toBe(false);
    expect(wasClosed(null, conv('c1', 'closed'))).toBe(false);
    expect(wasClosed(conv('c1', 'open'), conv('c2', 'closed'))).toBe(false);
  });
});

describe('unseenAgentMessages', () => {
  it('keeps only agent messages not seen before, in order', () => {
    const m = (id: string, authorType: Message['authorType']) => ({ id, authorType }) as Message;
    expect(unseenAgentMessages(new Set(['a1']), [m('a1', 'agent'), m('v1', 'visitor'), m('a2', 'agent'), m('s1', 'system'), m('a3', 'agent')]).map((x) => x.id)).toEqual(['a2', 'a3']);
    expect(unseenAgentMessages(new Set(), [])).toEqual([]);
  });
});

describe('profileUpdateOf', () => {
  it('turns an unsigned identity into an unverified profile update, dropping what the server would refuse', () => {
    expect(profileUpdateOf({ name: ' Ada ', email: 'ada@example.com', attributes: { plan: 'pro' } })).toEqual({ name: 'Ada', email: 'ada@example.com', attributes: { plan: 'pro' } });
    expect(profileUpdateOf({ name: 'Ada', email: 'not-an-email' })).toEqual({ name: 'Ada' });
    expect(profileUpdateOf({ id: 'u1', name: 'Ada' })).toEqual({ name: 'Ada' });
  });

  it('keeps a signed identity to its attributes (its name and email go with the session)', () => {
    expect(isSigned({ id: 'u1', hash: 'abc' })).toBe(true);
    expect(profileUpdateOf({ id: 'u1', hash: 'abc', name: 'Ada', attributes: { plan: 'pro' } })).toEqual({ attributes: { plan: 'pro' } });
    expect(profileUpdateOf({ id: 'u1', hash: 'abc', name: 'Ada' })).toBeNull();
    expect(profileUpdateOf(null)).toBeNull();
  });
});
