/**
 * Turns keystrokes into few `typing:set` events: `true` at most every `refreshMs` while the visitor
 * types (the agent's indicator expires without refreshes), `false` after `idleMs` without input or
 * when the message is sent.
 */
export interface TypingSignal {
  input(): void;
  stop(): void;
}

export interface TypingSignalOptions {
  emit(isTyping: boolean): void;
  now?: () => number;
  refreshMs?: number;
  idleMs?: number;
}

export function createTypingSignal({ emit, now = Date.now, refreshMs = 2000, idleMs = 3000 }: TypingSignalOptions): TypingSignal {
  let typing = false;
  let lastSent = 0;
  let idle: ReturnType<typeof setTimeout> | undefined;

  const stop = (): void => {
    clearTimeout(idle);
    if (!typing) return;
    typing = false;
    emit(false);
  };

  return {
    input() {
      const t = now();
      if (!typing || t - lastSent >= refreshMs) {
        typing = true;
        lastSent = t;
        emit(true);
      }
      clearTimeout(idle);
      idle = setTimeout(stop, idleMs);
    },
    stop,
  };
}
