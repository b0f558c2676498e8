/**
 * The page title's unread prefix, "(2) Shop": shown while the panel is closed and messages are
 * unread, removed exactly when the count goes to 0 or the panel opens. A single-page app that sets
 * its own title meanwhile is not fought: its new title becomes the base the prefix goes on.
 */
export interface TitleState {
  /** The host's own title, without our prefix. */
  base: string;
  /** The title we last wrote, or null while no prefix is shown. */
  applied: string | null;
}

export const NO_PREFIX: TitleState = { base: '', applied: null };

/**
 * @example unreadTitle(NO_PREFIX, 'Shop', 2) // { state: { base: 'Shop', applied: '(2) Shop' }, title: '(2) Shop' }
 */
export function unreadTitle(state: TitleState, current: string, count: number): { state: TitleState; title: string } {
  // Anything other than what we wrote is the host's title (first call, or the app changed it).
  const base = state.applied === current ? state.base : current;
  if (count <= 0) return { state: { base, applied: null }, title: base };
  const title = `(${count}) ${base}`;
  return { state: { base, applied: title }, title };
}

/** Keeps document.title in step with the count; watches <title> only while a prefix is shown. */
export function watchUnreadTitle(): (count: number) => void {
  let state = NO_PREFIX;
  let count = 0;
  let observer: MutationObserver | null = null;
  const apply = (): void => {
    const next = unreadTitle(state, document.title, count);
    state = next.state;
    // Only a real change is written: our own write then comes back as a no-op, never a loop.
    if (next.title !== document.title) document.title = next.title;
  };
  return (next) => {
    count = next;
    apply();
    if (count > 0 && !observer) {
      observer = new MutationObserver(apply);
      observer.observe(document.head ?? document.documentElement, { childList: true, subtree: true, characterData: true });
    } else if (count <= 0 && observer) {
      observer.disconnect();
      observer = null;
    }
  };
}
