/**
 * Exit intent: the pointer leaves the document through the top edge (towards the tab strip or the
 * address bar), or the tab is hidden. `isTopExit` is the pure part, tested on synthetic events.
 */
export function isTopExit(e: { clientY: number; relatedTarget: unknown }): boolean {
  return e.relatedTarget === null && e.clientY <= 0;
}

export function watchExitIntent(onExit: (how: string) => void): void {
  document.addEventListener('mouseout', (e) => {
    if (isTopExit(e)) onExit('left through the top');
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') onExit('tab hidden');
  });
}
