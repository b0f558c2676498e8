import { describe, expect, it } from 'vitest';
import { attentionCount, decideAlert, titleWithCount, type AlertInput } from './notify-decision.ts';
import { aid, cid, message, summary } from '../test-support/fixtures.ts';

const me = aid('me');
const base = (over: Partial<AlertInput> = {}): AlertInput => ({
  kind: 'visitor-message',
  conversation: summary({ id: cid('c1'), assignedAgentId: me }),
  agentId: me,
  openConversationId: null,
  focused: true,
  muted: false,
  permission: 'granted',
  ...over,
});

describe('decideAlert', () => {
  it('a visitor message in my conversation rings and pops, unless I am looking at it', () => {
    expect(decideAlert(base())).toEqual({ sound: true, desktop: true });
    expect(decideAlert(base({ openConversationId: 'c2' }))).toEqual({ sound: true, desktop: true });
    expect(decideAlert(base({ openConversationId: 'c1' }))).toBeNull();
    expect(decideAlert(base({ openConversationId: 'c1', focused: false }))).toEqual({ sound: true, desktop: true });
  });
  it('messages in colleagues’ or unassigned conversations stay quiet', () => {
    expect(decideAlert(base({ conversation: summary({ assignedAgentId: aid('other') }) }))).toBeNull();
    expect(decideAlert(base({ conversation: summary({ assignedAgentId: null }) }))).toBeNull();
  });
  it('a new conversation rings when it waits for anyone or comes to me', () => {
    expect(decideAlert(base({ kind: 'new-conversation', conversation: summary({ assignedAgentId: null }) }))).toEqual({ sound: true, desktop: true });
    expect(decideAlert(base({ kind: 'new-conversation' }))).toEqual({ sound: true, desktop: true });
    expect(decideAlert(base({ kind: 'new-conversation', conversation: summary({ assignedAgentId: aid('other') }) }))).toBeNull();
  });
  it('mute silences everything; without permission only the sound plays', () => {
    expect(decideAlert(base({ muted: true }))).toBeNull();
    expect(decideAlert(base({ permission: 'default' }))).toEqual({ sound: true, desktop: false });
    expect(decideAlert(base({ permission: 'unsupported' }))).toEqual({ sound: true, desktop: false });
  });
  it('unknown or closed conversations stay quiet', () => {
    expect(decideAlert(base({ conversation: null }))).toBeNull();
    expect(decideAlert(base({ conversation: summary({ assignedAgentId: me, status: 'closed' }) }))).toBeNull();
  });
});

describe('attention count and title', () => {
  it('counts unread conversations that are mine or nobody’s', () => {
    const unread = { lastSeq: 2, agentReadSeq: 1, lastMessage: { body: 'x', authorType: 'visitor' as const, createdAt: message().createdAt } };
    const list = [
      summary({ id: cid('a'), assignedAgentId: me, ...unread }),
      summary({ id: cid('b'), assignedAgentId: null, ...unread }),
      summary({ id: cid('c'), assignedAgentId: aid('other'), ...unread }),
      summary({ id: cid('d'), assignedAgentId: me, ...unread, agentReadSeq: 2 }),
    ];
    expect(attentionCount(list, me)).toBe(2);
  });
  it('puts the count in front of the title', () => {
    expect(titleWithCount('Hearth', 0)).toBe('Hearth');
    expect(titleWithCount('Hearth', 3)).toBe('(3) Hearth');
    expect(titleWithCount('Hearth', 120)).toBe('(99+) Hearth');
  });
});
