/**
 * Adds a stylesheet to our shadow root. A constructed stylesheet is not an inline <style>, so a
 * strict host-page CSP (style-src without 'unsafe-inline') still lets it apply; older browsers fall
 * back to a <style> element. Used by the loader (launcher, panel) and the triggers chunk (prompt).
 */
export function adoptStyles(root: ShadowRoot, css: string): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } catch {
    const style = document.createElement('style');
    style.textContent = css;
    root.appendChild(style);
  }
}
