import { describe, expect, it } from 'vitest';
import { createTypingEmitter, type TypingClock } from './typing-emitter.ts';

function fakeClock() {
  let now = 0;
  let timers: Array<{ at: number; fn: () => void; id: number }> = [];
  let nextId = 1;
  const clock: TypingClock = {
    now: () => now,
    setTimeout(fn, ms) {
      const id = nextId++;
      timers.push({ at: now + ms, fn, id });
      return id;
    },
    clearTimeout(handle) {
      timers = timers.filter((t) => t.id !== handle);
    },
  };
  function advance(ms: number) {
    now += ms;
    for (const t of timers.filter((t) => t.at <= now)) {
      timers = timers.filter((x) => x !== t);
      t.fn();
    }
  }
  return { clock, advance };
}

describe('createTypingEmitter', () => {
  it('sends true at most every 2 s while typing and false after 3 s idle', () => {
    const { clock, advance } = fakeClock();
    const sent: boolean[] = [];
    const typing = createTypingEmitter((t) => sent.push(t), { clock });
    typing.input();
    advance(500);
    typing.input();
    advance(1000);
    typing.input();
    expect(sent).toEqual([true]);
    advance(600);
    typing.input(); // 2.1 s after the first true
    expect(sent).toEqual([true, true]);
    advance(2999);
    expect(sent).toEqual([true, true]);
    advance(1);
    expect(sent).toEqual([true, true, false]);
    advance(10_000);
    expect(sent).toEqual([true, true, false]);
  });

  it('sends false at once on stop, and only if typing was announced', () => {
    const { clock, advance } = fakeClock();
    const sent: boolean[] = [];
    const typing = createTypingEmitter((t) => sent.push(t), { clock });
    typing.stop();
    expect(sent).toEqual([]);
    typing.input();
    typing.stop();
    advance(5000);
    expect(sent).toEqual([true, false]);
    typing.input();
    expect(sent).toEqual([true, false, true]);
  });
});
