import { badgeText, launcherLabel } from './launcher-label.ts';
import { SHELL_CSS } from './shell-styles.ts';

/** The loader's DOM: a host element with an open shadow root holding the launcher and the panel. */
export interface WidgetShell {
  host: HTMLElement;
  launcher: HTMLButtonElement;
  /** Creates the (hidden) iframe once; later calls return the same one. */
  mountFrame(src: string): HTMLIFrameElement;
  render(open: boolean, unread: number): void;
  /** True when keyboard focus is on the launcher or inside the panel. */
  hasFocus(): boolean;
}

// Static markup written by us, never visitor or agent data: innerHTML is safe here and far smaller
// than building SVG node by node.
const LAUNCHER_HTML =
  '<svg class="bubble" viewBox="0 0 24 24" aria-hidden="true"><path d="M21 11.5a8.4 8.4 0 0 1-9 8.4 9 9 0 0 1-3.9-.9L3 20.5l1.5-4.6A8 8 0 0 1 3 11.5 8.6 8.6 0 0 1 12 3a8.6 8.6 0 0 1 9 8.5z"/></svg>' +
  '<svg class="x" viewBox="0 0 24 24" aria-hidden="true"><path d="M6 6l12 12M18 6L6 18"/></svg>' +
  '<span class="badge" aria-hidden="true" hidden></span>';

export function createShell(onLauncherClick: () => void): WidgetShell {
  const host = document.createElement('hearth-widget');
  const root = host.attachShadow({ mode: 'open' });
  addStyles(root);

  const panel = document.createElement('div');
  panel.className = 'panel';
  panel.id = 'hearth-panel';
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', 'Chat');

  const launcher = document.createElement('button');
  launcher.type = 'button';
  launcher.className = 'launcher';
  launcher.innerHTML = LAUNCHER_HTML;
  launcher.setAttribute('aria-controls', panel.id);
  launcher.addEventListener('click', onLauncherClick);
  const badge = launcher.lastElementChild as HTMLElement;

  // Panel first: the small-screen rule `.panel.open ~ .launcher` hides the launcher behind a full-screen panel.
  root.append(panel, launcher);
  document.body.appendChild(host);

  let frame: HTMLIFrameElement | null = null;
  const shell: WidgetShell = {
    host,
    launcher,
    mountFrame(src) {
      if (frame) return frame;
      frame = document.createElement('iframe');
      frame.title = 'Hearth chat';
      frame.src = src;
      panel.appendChild(frame);
      return frame;
    },
    render(open, unread) {
      panel.classList.toggle('open', open);
      launcher.setAttribute('aria-expanded', String(open));
      launcher.setAttribute('aria-label', launcherLabel(open, unread));
      badge.hidden = open || unread <= 0;
      badge.textContent = badgeText(unread);
    },
    hasFocus: () => document.activeElement === host,
  };
  shell.render(false, 0);
  return shell;
}

function addStyles(root: ShadowRoot): void {
  // A constructed stylesheet is not an inline <style>, so a strict host-page CSP (style-src without
  // 'unsafe-inline') still lets it apply; older browsers fall back to a <style> element.
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(SHELL_CSS);
    root.adoptedStyleSheets = [sheet];
  } catch {
    const style = document.createElement('style');
    style.textContent = SHELL_CSS;
    root.appendChild(style);
  }
}
