import { h, type ComponentType, type FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export interface LazyComponent<P> {
  /** Renders nothing until the chunk is here, then the component (re-rendering itself on arrival). */
  Component: FunctionComponent<P>;
  /** Starts fetching the chunk (a hint: hover or focus before the click); at most one fetch at a time. */
  preload(): Promise<unknown>;
}

/**
 * A component whose code is its own chunk, fetched the first time it renders (or is preloaded).
 * preact/compat's lazy + Suspense would do this, but compat costs more than the chunks save. A chunk
 * that fails to load renders nothing; the next render tries again.
 */
export function lazyComponent<P extends object>(importChunk: () => Promise<ComponentType<P>>): LazyComponent<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<unknown> | null = null;
  const preload = (): Promise<unknown> =>
    (loading ??= importChunk().then(
      (component) => (loaded = component),
      () => (loading = null),
    ));
  const Component: FunctionComponent<P> = (props) => {
    const [, arrived] = useState(0);
    useEffect(() => {
      if (!loaded) void preload().then(() => arrived((n) => n + 1));
    }, []);
    return loaded ? h(loaded, props) : null;
  };
  return { Component, preload };
}
