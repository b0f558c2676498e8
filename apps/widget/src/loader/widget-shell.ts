import { adoptStyles } from './shadow-styles.ts';
import { badgeText } from './loader-strings.ts';
import { SHELL_CSS } from './shell-styles.ts';

/** What the launcher shows; the loader recomputes it on every change of state. */
export interface LauncherView {
  open: boolean;
  unread: number;
  /** Not drawn yet (first visit, waiting for the site's look) or hidden with `Hearth('hide')`. */
  hidden: boolean;
  /** Accessible name ("Chat with us, 2 unread") and tooltip ("Chat with us"). */
  name: string;
  tooltip: string;
}

/** The site's look, from the widget config (or the copy cached on this device). */
export interface ShellLook {
  brand: string;
  onBrand: string;
  side: 'left' | 'right';
  /** The prompt's theme (the panel themes itself). */
  theme: string;
}

/** The loader's DOM: a host element with an open shadow root holding the launcher and the panel. */
export interface WidgetShell {
  host: HTMLElement;
  launcher: HTMLButtonElement;
  /** Creates the (hidden) iframe once; later calls return the same one. */
  mountFrame(src: string): HTMLIFrameElement;
  render(view: LauncherView): void;
  paint(look: ShellLook): void;
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
  adoptStyles(root, SHELL_CSS);

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
  raise(host);

  let frame: HTMLIFrameElement | null = null;
  return {
    host,
    launcher,
    mountFrame(src) {
      if (frame) return frame;
      frame = document.createElement('iframe');
      frame.title = 'Hearth chat';
      // Lets the chime play in our cross-origin frame once the visitor has interacted with the page
      // (the browser's autoplay policy then counts the page's activation for the frame too).
      frame.allow = 'autoplay';
      frame.src = src;
      panel.appendChild(frame);
      return frame;
    },
    render({ open, unread, hidden, name, tooltip }) {
      panel.classList.toggle('open', open);
      launcher.hidden = hidden;
      launcher.title = tooltip;
      launcher.setAttribute('aria-expanded', String(open));
      launcher.setAttribute('aria-label', name);
      badge.hidden = open || unread <= 0;
      badge.textContent = badgeText(unread);
    },
    paint({ brand, onBrand, side, theme }) {
      // CSSOM, not a style attribute: allowed under a strict host CSP.
      host.style.setProperty('--hearth-brand', brand);
      host.style.setProperty('--hearth-on-brand', onBrand);
      host.dataset.side = side;
      host.dataset.theme = theme;
    },
    hasFocus: () => document.activeElement === host,
  };
}

/**
 * Puts the host element in the top layer (a manual popover: no light dismiss, no backdrop), where
 * its fixed launcher, prompt and panel are placed against the viewport whatever the page does: a
 * transform, filter, perspective, contain, will-change or backdrop-filter on <html> or <body> would
 * otherwise make that element their containing block and draw them at the bottom of the document.
 * `:host { all: initial }` cancels the popover's own UA styles (its box is empty; its parts are fixed).
 */
function raise(host: HTMLElement): void {
  try {
    host.popover = 'manual';
    host.showPopover();
  } catch {
    // No popovers (older browsers): in <body> as before (`all: initial` keeps it displayed).
  }
}
