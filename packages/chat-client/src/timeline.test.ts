import { describe, expect, it } from 'vitest';
import type { ConversationId, Message, MessageId } from '@hearth/protocol';
import { lastSeqOf, mergeMessages } from './timeline.ts';

const msg = (seq: number): Message => ({
  id: `m${seq}` as MessageId, conversationId: 'c1' as ConversationId, seq, clientId: `client-${seq}`, authorType: 'visitor',
  authorId: 'v1', authorName: null, body: `#${seq}`, createdAt: seq,
});

describe('mergeMessages', () => {
  it('orders by seq and drops duplicates', () => {
    const merged = mergeMessages([msg(1), msg(3)], [msg(2), msg(3), msg(4)]);
    expect(merged.map((m) => m.seq)).toEqual([1, 2, 3, 4]);
    expect(lastSeqOf(merged)).toBe(4);
  });
  it('returns the same array when nothing is new', () => {
    const t = [msg(1), msg(2)];
    expect(mergeMessages(t, [msg(2)])).toBe(t);
    expect(mergeMessages(t, [])).toBe(t);
    expect(lastSeqOf([])).toBe(0);
  });
});
