import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTypingSignal } from './typing-signal.ts';

describe('typing signal', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends true at most every 2 s while typing, false after 3 s idle', () => {
    const sent: boolean[] = [];
    const signal = createTypingSignal({ emit: (t) => sent.push(t) });
    signal.input();
    vi.advanceTimersByTime(500);
    signal.input();
    vi.advanceTimersByTime(500);
    signal.input();
    expect(sent).toEqual([true]);
    vi.advanceTimersByTime(1000);
    signal.input(); // 2 s after the first true: refresh
    expect(sent).toEqual([true, true]);
    vi.advanceTimersByTime(2999);
    expect(sent).toEqual([true, true]);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([true, true, false]);
  });

  it('stop() sends false once, and only when typing', () => {
    const sent: boolean[] = [];
    const signal = createTypingSignal({ emit: (t) => sent.push(t) });
    signal.stop();
    expect(sent).toEqual([]);
    signal.input();
    signal.stop();
    signal.stop();
    vi.advanceTimersByTime(5000);
    expect(sent).toEqual([true, false]);
  });
});
