/**
 * Throttles the agent's typing signal: `true` at most every `repeatMs` while keys are pressed,
 * `false` once after `idleMs` without input, or at once on send / switching conversation.
 *
 * @example
 * const typing = createTypingEmitter((isTyping) => socket.emit('typing:set', { conversationId, isTyping }));
 * textarea.oninput = () => typing.input();
 * onSend = () => typing.stop();
 */
export interface TypingEmitter {
  input(): void;
  stop(): void;
}

export interface TypingClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realClock: TypingClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof globalThis.setTimeout>),
};

export function createTypingEmitter(
  emit: (isTyping: boolean) => void,
  { repeatMs = 2000, idleMs = 3000, clock = realClock }: { repeatMs?: number; idleMs?: number; clock?: TypingClock } = {},
): TypingEmitter {
  let active = false;
  let lastTrueAt = 0;
  let idleTimer: unknown = null;

  function clearIdle(): void {
    if (idleTimer !== null) clock.clearTimeout(idleTimer);
    idleTimer = null;
  }
  function stop(): void {
    clearIdle();
    if (!active) return;
    active = false;
    emit(false);
  }
  return {
    input() {
      const now = clock.now();
      if (!active || now - lastTrueAt >= repeatMs) {
        active = true;
        lastTrueAt = now;
        emit(true);
      }
      clearIdle();
      idleTimer = clock.setTimeout(stop, idleMs);
    },
    stop,
  };
}
