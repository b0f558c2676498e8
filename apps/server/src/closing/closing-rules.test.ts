import { describe, expect, it } from 'vitest';
import { idleBefore, reopenOrStart } from './closing-rules.ts';

const MIN = 60_000;

describe('reopenOrStart', () => {
  it('starts a conversation for a first-time visitor', () => {
    expect(reopenOrStart(null, 0, 10 * MIN)).toEqual({ kind: 'start' });
  });
  it('appends to an open conversation', () => {
    expect(reopenOrStart({ id: 'c', status: 'open', closedAt: null }, 5, 10 * MIN)).toEqual({ kind: 'append', id: 'c' });
  });
  it('reopens within the window, the boundary included', () => {
    const closed = { id: 'c', status: 'closed' as const, closedAt: 1000 };
    expect(reopenOrStart(closed, 1000 + 10 * MIN, 10 * MIN)).toEqual({ kind: 'reopen', id: 'c' });
    expect(reopenOrStart(closed, 1001, 10 * MIN)).toEqual({ kind: 'reopen', id: 'c' });
  });
  it('starts a new conversation after the window, or always with a window of 0', () => {
    const closed = { id: 'c', status: 'closed' as const, closedAt: 1000 };
    expect(reopenOrStart(closed, 1001 + 10 * MIN, 10 * MIN)).toEqual({ kind: 'start' });
    expect(reopenOrStart(closed, 1000, 0)).toEqual({ kind: 'start' });
  });
  it('starts a new conversation when a closed one has no close time (never reopens blindly)', () => {
    expect(reopenOrStart({ id: 'c', status: 'closed', closedAt: null }, 1, 10 * MIN)).toEqual({ kind: 'start' });
  });
});

describe('idleBefore', () => {
  it('is the timeout before now', () => {
    expect(idleBefore(100 * MIN, 60)).toBe(40 * MIN);
  });
});
