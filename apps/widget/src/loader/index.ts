import type { HostIdentity, HostToFrame, StoredKey, TriggerContext } from '@hearth/protocol';
import { parseFrameToHost } from '../embed-messages.ts';
import { installApi } from './command-queue.ts';
import { watchNavigation } from './navigation.ts';
import { startProactive } from './proactive.ts';
import { activeFlagKey, frameUrl, readScriptConfig, storedKey, type LoaderConfig } from './script-config.ts';
import { createShell } from './widget-shell.ts';

/**
 * The embed loader: `<script async src="https://HEARTH/widget.js" data-site="KEY"></script>`.
 * It draws the launcher at once and loads the chat frame only when needed. It runs inside someone
 * else's page, so it never throws into it and defines no global but `window.Hearth`.
 */

// Performance marks (read by `pnpm bench`): loader start, and launcher painted (below).
mark('start');

// Captured synchronously: document.currentScript is only set while this script's top level runs.
const currentScript = document.currentScript as HTMLScriptElement | null;

safe(() => {
  if (window.Hearth?.loaded) return; // the snippet was pasted twice
  const script = currentScript?.getAttribute('data-site')
    ? currentScript
    : document.querySelector<HTMLScriptElement>('script[data-site][src*="widget.js"]');
  const config = readScriptConfig(script?.src, script?.getAttribute('data-site'));
  if (!config) {
    console.warn('[hearth] widget.js needs a data-site attribute');
    return;
  }
  if (document.body) start(config);
  else document.addEventListener('DOMContentLoaded', safe(() => start(config)), { once: true });
})();

function start(config: LoaderConfig): void {
  const flagKey = activeFlagKey(config.siteKey);
  let open = false;
  let ready = false;
  let unread = 0;
  // The visitor asked for focus before the frame could take it; honoured on hearth:ready.
  let focusOnReady = false;
  let frame: HTMLIFrameElement | null = null;
  let lastPageUrl = '';
  // The prompt the visitor engaged with: handed to the frame (again on ready) for their first message.
  let trigger: TriggerContext | null = null;
  let identity: HostIdentity | null = null;

  const shell = createShell(safe(() => setOpen(!open, true)));
  // The frame after the next rendering step: the launcher has been painted by then.
  requestAnimationFrame(() => setTimeout(() => mark('shown')));

  const ensureFrame = (): HTMLIFrameElement => (frame ??= shell.mountFrame(frameUrl(config, location.origin)));

  // Until the frame says it is ready, nothing is posted: on ready it receives the full current state.
  const post = (message: HostToFrame): void => {
    if (ready && frame?.contentWindow) frame.contentWindow.postMessage(message, config.origin);
  };

  const postPage = (): void => {
    lastPageUrl = location.href;
    post({ type: 'hearth:page', page: { url: location.href, title: document.title, referrer: document.referrer || null } });
  };

  /** `focus`: on open, move focus into the chat; on close, return it to the launcher. */
  function setOpen(next: boolean, focus: boolean): void {
    if (next !== open) {
      open = next;
      if (open) {
        ensureFrame();
        proactive.opened();
      }
      shell.render(open, unread);
      post(open ? { type: 'hearth:open', focus } : { type: 'hearth:closed' });
    }
    if (open && focus) {
      focusOnReady = !ready;
      frame?.focus();
    } else if (!open && focus) {
      shell.launcher.focus();
    }
  }

  // The host page's storage. Blocked storage only costs features: the frame then loads on first
  // click instead of in advance, and a frame without storage of its own forgets the visitor.
  function load(key: string): string | null {
    try {
      return localStorage.getItem(key);
    } catch {
      return null;
    }
  }
  function store(key: string, value: string | null): void {
    try {
      if (value === null) localStorage.removeItem(key);
      else localStorage.setItem(key, value);
    } catch {
      // see load()
    }
  }

  addEventListener(
    'message',
    safe((event: MessageEvent) => {
      // Only our own frame, from Hearth's origin: any other window or origin is ignored.
      if (!frame || event.source !== frame.contentWindow || event.origin !== config.origin) return;
      const message = parseFrameToHost(event.data);
      if (!message) return;
      switch (message.type) {
        case 'hearth:ready': {
          ready = true;
          const values: Partial<Record<StoredKey, string>> = {};
          for (const key of ['token', 'outbox'] as const) {
            const value = load(storedKey(key, config.siteKey));
            if (value !== null) values[key] = value;
          }
          post({ type: 'hearth:identify', identity });
          post({ type: 'hearth:stored', values });
          postPage();
          post(open ? { type: 'hearth:open', focus: focusOnReady } : { type: 'hearth:closed' });
          if (trigger) post({ type: 'hearth:trigger', context: trigger });
          if (open && focusOnReady) frame.focus();
          focusOnReady = false;
          break;
        }
        case 'hearth:close':
          setOpen(false, true);
          break;
        case 'hearth:open-request':
          setOpen(true, false);
          break;
        case 'hearth:unread':
          unread = message.count;
          shell.render(open, unread);
          break;
        case 'hearth:conversation':
          store(flagKey, message.active ? '1' : null);
          break;
        case 'hearth:store':
          store(storedKey(message.key, config.siteKey), message.value);
          break;
      }
    }),
  );

  // Escape while focus is on the host page or the launcher (inside the frame, the panel handles it).
  document.addEventListener(
    'keydown',
    safe((event: KeyboardEvent) => {
      if (open && event.key === 'Escape' && !event.defaultPrevented) setOpen(false, shell.hasFocus());
    }),
  );

  const proactive = startProactive(config, {
    root: shell.host.shadowRoot!,
    // No prompt over an open panel, nor to a visitor already in a conversation.
    chatting: () => open || load(flagKey) === '1',
    engage: (context) => {
      trigger = context;
      setOpen(true, true);
      post({ type: 'hearth:trigger', context });
    },
  });

  watchNavigation(
    safe(() => {
      proactive.navigated();
      if (location.href !== lastPageUrl) postPage();
    }),
  );

  installApi(window, {
    track: proactive.track,
    open: () => setOpen(true, true),
    close: () => setOpen(false, shell.hasFocus()),
    toggle: () => setOpen(!open, open ? shell.hasFocus() : true),
    // Checked for shape by the frame and for its hash by the server; here only cloned to plain data
    // (a JSON round trip drops functions and getters a host object might carry into postMessage).
    identify: (value) => {
      identity = value ? (JSON.parse(JSON.stringify(value)) as HostIdentity) : null;
      post({ type: 'hearth:identify', identity });
    },
  });

  // An ongoing conversation: load the frame hidden so its socket receives the agent's replies.
  if (load(flagKey) === '1') ensureFrame();
}

/** Performance marks `hearth:start` and `hearth:shown` (launcher painted), read by `pnpm bench`. */
function mark(name: string): void {
  performance.mark('hearth:' + name);
}

/** Wraps a callback so an error stays in the console instead of breaking the host page's code. */
function safe<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void {
  return (...args) => {
    try {
      fn(...args);
    } catch (error) {
      console.error('[hearth]', error);
    }
  };
}
