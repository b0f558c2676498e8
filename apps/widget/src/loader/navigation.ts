/**
 * Calls `onChange` after single-page-app navigations. Hooks the history API (and back/forward via
 * popstate) instead of polling `location`: zero cost while the visitor stays on a page.
 */
export function watchNavigation(onChange: () => void): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Deferred: routers usually set document.title just after pushState, and one navigation often
  // does a push then a replace; the frame should see one page view with the final title.
  const schedule = (): void => {
    clearTimeout(timer);
    timer = setTimeout(onChange, 150);
  };
  for (const name of ['pushState', 'replaceState'] as const) {
    const original = history[name];
    history[name] = function (this: History, ...args: Parameters<History['pushState']>) {
      const result = original.apply(this, args);
      schedule();
      return result;
    };
  }
  addEventListener('popstate', schedule);
}
