import { useEffect, useReducer } from 'preact/hooks';
/** Anything with the console stores' shape: a snapshot and a change signal. */
interface Subscribable<S> {
  getState(): S;
  subscribe(listener: () => void): () => void;
}

/** Re-renders the caller whenever the store changes. */
export function useConsoleState<S>(store: Subscribable<S>): S {
  // biome-ignore lint/suspicious/noConfusingVoidType: a void action is what lets `rerender()` take no argument.
  const [, rerender] = useReducer((n: number, _action: void) => n + 1, 0);
  useEffect(() => {
    const unsubscribe = store.subscribe(() => rerender());
    rerender(); // catch changes between the first render and subscribing
    return unsubscribe;
  }, [store]);
  return store.getState();
}

/** A clock that ticks every `ms`, for relative times. */
export function useNow(ms = 30_000): number {
  const [now, setNow] = useReducer((_: number, next: number) => next, Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}
