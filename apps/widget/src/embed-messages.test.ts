import { describe, expect, it } from 'vitest';
import { parseFrameToHost, parseHostToFrame } from './embed-messages.ts';

describe('embed message guards', () => {
  it('accepts every well-formed message of each direction', () => {
    expect(parseHostToFrame({ type: 'hearth:open', focus: true })).toEqual({ type: 'hearth:open', focus: true });
    expect(parseHostToFrame({ type: 'hearth:closed' })).not.toBeNull();
    expect(parseHostToFrame({ type: 'hearth:page', page: { url: 'https://a.io/', title: 'A', referrer: null } })).not.toBeNull();
    expect(parseHostToFrame({ type: 'hearth:stored', values: {} })).not.toBeNull();
    expect(parseHostToFrame({ type: 'hearth:stored', values: { token: 't', outbox: '[]' } })).not.toBeNull();
    const context = { triggerId: 't1', triggerName: 'Rage', evidence: ['3 clicks'], timeline: [] };
    expect(parseHostToFrame({ type: 'hearth:trigger', context })).toEqual({ type: 'hearth:trigger', context });
    for (const m of [
      { type: 'hearth:ready' },
      { type: 'hearth:close' },
      { type: 'hearth:unread', count: 3 },
      { type: 'hearth:conversation', active: false },
      { type: 'hearth:store', key: 'token', value: 'abc' },
      { type: 'hearth:store', key: 'outbox', value: null },
    ]) {
      expect(parseFrameToHost(m)).toEqual(m);
    }
  });

  it('rejects malformed fields', () => {
    expect(parseHostToFrame({ type: 'hearth:open' })).toBeNull();
    expect(parseHostToFrame({ type: 'hearth:page', page: { url: 1, title: 'A', referrer: null } })).toBeNull();
    expect(parseHostToFrame({ type: 'hearth:page', page: null })).toBeNull();
    expect(parseHostToFrame({ type: 'hearth:trigger', context: { triggerId: 1, triggerName: 'x', evidence: [], timeline: [] } })).toBeNull();
    expect(parseHostToFrame({ type: 'hearth:trigger', context: null })).toBeNull();
    expect(parseFrameToHost({ type: 'hearth:unread', count: -1 })).toBeNull();
    expect(parseFrameToHost({ type: 'hearth:unread', count: 1.5 })).toBeNull();
    expect(parseFrameToHost({ type: 'hearth:conversation', active: 'yes' })).toBeNull();
    // The frame can only make the loader write its own few keys, bounded in size.
    expect(parseFrameToHost({ type: 'hearth:store', key: 'hearth:active:demo', value: '1' })).toBeNull();
    expect(parseFrameToHost({ type: 'hearth:store', key: 'token', value: 'x'.repeat(100_001) })).toBeNull();
    expect(parseFrameToHost({ type: 'hearth:store', key: 'token' })).toBeNull();
    expect(parseHostToFrame({ type: 'hearth:stored', values: { other: 'x' } })).toBeNull();
    expect(parseHostToFrame({ type: 'hearth:stored', values: { token: 1 } })).toBeNull();
    expect(parseHostToFrame({ type: 'hearth:stored', values: null })).toBeNull();
  });

  it('rejects unknown types, other directions and non-objects', () => {
    for (const data of [null, undefined, 'hearth:ready', 42, {}, { type: 'hearth:nope' }, { type: 'toString' }, { type: '__proto__' }]) {
      expect(parseFrameToHost(data)).toBeNull();
      expect(parseHostToFrame(data)).toBeNull();
    }
    // A frame message is not a host message, and vice versa.
    expect(parseHostToFrame({ type: 'hearth:ready' })).toBeNull();
    expect(parseFrameToHost({ type: 'hearth:closed' })).toBeNull();
  });
});
