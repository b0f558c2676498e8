/**
 * Stops the host page from scrolling behind the full-screen panel on small screens, and restores
 * exactly what the page had inline (value and priority of overflow-x/-y on <html> and <body>).
 * CSSOM writes, not style attributes: allowed under a strict host CSP.
 */
export function createScrollLock(): (lock: boolean) => void {
  type Saved = [el: HTMLElement, prop: string, value: string, priority: string, hadStyle: boolean];
  let saved: Saved[] | null = null;
  return (lock) => {
    if (lock && !saved) {
      saved = [];
      for (const el of [document.documentElement, document.body]) {
        const hadStyle = el.hasAttribute('style');
        for (const prop of ['overflow-x', 'overflow-y']) {
          saved.push([el, prop, el.style.getPropertyValue(prop), el.style.getPropertyPriority(prop), hadStyle]);
          el.style.setProperty(prop, 'hidden', 'important');
        }
      }
    } else if (!lock && saved) {
      for (const [el, prop, value, priority, hadStyle] of saved) {
        if (value) el.style.setProperty(prop, value, priority);
        else el.style.removeProperty(prop);
        // Leave no empty style="" behind on an element that had no style attribute.
        if (!hadStyle && !el.getAttribute('style')) el.removeAttribute('style');
      }
      saved = null;
    }
  };
}
