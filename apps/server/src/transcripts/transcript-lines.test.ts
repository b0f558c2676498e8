import { describe, expect, it } from 'vitest';
import type { TranscriptEntry } from '@hearth/protocol';
import { describeEvent, mergeTranscript } from './transcript-lines.ts';

const names = (id: string) => (id === 'a1' ? 'Ada' : 'someone');
const described = (type: string, data: Record<string, unknown> = {}, actorType: 'visitor' | 'agent' | 'system' = 'system', actorId: string | null = null) =>
  describeEvent({ type, actorType, actorId, data, createdAt: 5 }, names);
const ev = (...args: Parameters<typeof described>) => described(...args).entry;

describe('describeEvent', () => {
  it('describes each event type in words', () => {
    expect(ev('conversation.started', {}, 'visitor').text).toBe('Conversation started');
    expect(ev('conversation.started', { triggerName: 'pricing-page' }).text).toBe('Conversation started by trigger "pricing-page"');
    expect(ev('conversation.assigned', { agentId: 'a1' }, 'agent', 'a1')).toEqual({ kind: 'event', at: 5, author: 'Ada', text: 'Assigned to Ada' });
    expect(ev('conversation.closed', { reason: 'inactivity' }).text).toBe('Conversation closed after inactivity');
    expect(ev('conversation.closed', { reason: 'visitor' }, 'visitor').text).toBe('Conversation ended by the visitor');
    expect(ev('conversation.reopened', {}, 'visitor').text).toBe('Conversation reopened by the visitor');
    expect(ev('csat.rated', { score: 4, ces: 2 }, 'visitor').text).toBe('Rated 4/5, effort 2/5');
    expect(ev('routing.future', {}).text).toBe('routing.future');
  });
});

describe('mergeTranscript', () => {
  it('opening events lead the message written with them', () => {
    const started = described('conversation.started', {}, 'visitor');
    const message: TranscriptEntry = { kind: 'message', at: 5, author: 'V', text: 'hi' };
    expect(mergeTranscript([message], [started]).map((x) => x.text)).toEqual(['Conversation started', 'hi']);
  });
  it('orders by time, a message before another event at the same millisecond', () => {
    const m = (at: number): TranscriptEntry => ({ kind: 'message', at, author: 'V', text: `m${at}` });
    const e = (at: number) => ({ entry: { kind: 'event' as const, at, author: 'S', text: `e${at}` }, leads: false });
    expect(mergeTranscript([m(1), m(3), m(5)], [e(0), e(3), e(9)]).map((x) => x.text)).toEqual(['e0', 'm1', 'm3', 'e3', 'm5', 'e9']);
  });
});
