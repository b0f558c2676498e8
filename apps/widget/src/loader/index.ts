import type { HostToFrame } from '@hearth/protocol';
import type { HostTrack } from './visit-tracks.ts';
import { attributes as checkAttributes, identity as checkIdentity, listener, locale as checkLocale, theme as checkTheme, trackArgs } from './api-arguments.ts';
import { chunkUrl } from './chunks.ts';
import { installApi } from './command-queue.ts';
import type { FrameLink, LoaderState } from './frame-link/frame-link.ts';
import { HOST_EVENTS, createHostEvents } from './host-events.ts';
import { isRecord, load, loadJson, randomId, store, storeJson, toJson, type HostStorage } from './host-storage.ts';
import { launcherName, pickLocale, stringsFor } from './loader-strings.ts';
import { watchNavigation } from './navigation.ts';
import { TRACK_REPLAY, frameUrl, readScriptConfig, storedKey, type LoaderConfig } from './script-config.ts';
import { DEFAULT_LOOK, cachedLook, fetchSiteConfig, type SiteLook } from './site-look.ts';
import { linkTriggers } from './triggers-link.ts';
import { createShell } from './widget-shell.ts';

/**
 * The embed loader: `<script async src="https://HEARTH/widget.js" data-site="KEY"></script>`.
 * It draws the launcher (in the site's look) and serves the JS API; the chat frame, the code that
 * talks to it (frame-link/) and the proactive triggers (triggers/) load only when needed. It runs
 * inside someone else's page, so it never throws into it and defines no global but `window.Hearth`.
 */

// Performance marks (read by `pnpm bench`): loader start, and launcher painted (below).
mark('start');

// Captured synchronously: document.currentScript is only set while this script's top level runs.
const currentScript = document.currentScript as HTMLScriptElement | null;

// Handed to the chunks, which use this one copy rather than bundling their own.
const storage: HostStorage = { isRecord, load, loadJson, randomId, store, storeJson, toJson };

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
  const { siteKey } = config;
  const flagKey = storedKey('active', siteKey);
  const whoKey = storedKey('who', siteKey);
  const openKey = storedKey('open', siteKey);
  const tracksKey = storedKey('tracks', siteKey);
  const state: LoaderState = {
    open: false,
    unread: 0,
    focusOnReady: false,
    identity: null,
    attributes: null,
    locale: null,
    theme: null,
    trigger: null,
    resetPending: false,
  };
  let hiddenByHost = false;
  let look: SiteLook | null = null;
  let frame: HTMLIFrameElement | null = null;
  let link: FrameLink | null = null;
  // The frame's messages that came before the link's code did (its hearth:ready, typically not).
  const inbox: unknown[] = [];

  const events = createHostEvents();
  const shell = createShell(safe(() => setOpen(!state.open, true)));
  const currentLocale = () => pickLocale(state.locale, look?.locale ?? null, navigator.language);

  function render(): void {
    const text = stringsFor(currentLocale());
    const label = look?.launcherLabel ?? '';
    const { open, unread } = state;
    shell.render({ open, unread, hidden: hiddenByHost || !look, name: launcherName(text, label, open, unread), tooltip: label || text.open });
    link?.render();
  }

  function paint(next: SiteLook): void {
    if (!look) requestAnimationFrame(() => setTimeout(() => mark('shown'))); // after the next rendering step
    look = next;
    shell.paint({ brand: next.brandColor, onBrand: next.onBrand, side: next.position, theme: state.theme ?? next.theme });
    render();
  }

  /** Mounts the (hidden) frame once, and imports the code that talks to it alongside. */
  function ensureFrame(): void {
    if (frame) return;
    const mounted = (frame = shell.mountFrame(frameUrl(config, location.origin)));
    (import(/* @vite-ignore */ chunkUrl(config, 'frameLink')) as Promise<typeof import('./frame-link/index.ts')>)
      .then((chunk) => {
        link = chunk.linkFrame({ config, frame: mounted, state, setOpen, setUnread, emit: events.emit, storage });
        for (const data of inbox.splice(0)) link.receive(data);
        link.render();
      })
      .catch((error: unknown) => console.warn('[hearth] did not load:', error)); // the error names the chunk
  }

  const post = (message: HostToFrame): void => link?.post(message);

  function setOpen(next: boolean, focus: boolean): void {
    if (next !== state.open) {
      state.open = next;
      store(openKey, next ? '1' : null, 'sessionStorage');
      if (next) {
        ensureFrame();
        triggers.opened();
      }
      render();
      post(next ? { type: 'hearth:open', focus } : { type: 'hearth:closed' });
      events.emit(next ? 'open' : 'close');
    }
    if (state.open && focus) {
      state.focusOnReady = !link?.isReady();
      frame?.focus();
    } else if (!state.open && focus) {
      shell.launcher.focus();
    }
  }

  function setUnread(count: number): void {
    if (count === state.unread) return;
    state.unread = count;
    render();
    events.emit('unread:changed', { count });
  }

  addEventListener(
    'message',
    safe((event: MessageEvent) => {
      // Only our own frame, from Hearth's origin: any other window or origin is ignored.
      if (!frame || event.source !== frame.contentWindow || event.origin !== config.origin) return;
      if (link) link.receive(event.data);
      else if (inbox.length < 50) inbox.push(event.data);
    }),
  );

  const triggers = linkTriggers(config, {
    storage,
    root: shell.host.shadowRoot!,
    // No prompt over an open panel, with the launcher hidden, nor to a visitor already in a conversation.
    chatting: () => state.open || hiddenByHost || load(flagKey) === '1',
    engage: (context) => {
      state.trigger = context;
      setOpen(true, true);
      post({ type: 'hearth:trigger', context });
    },
    locale: currentLocale,
  });

  watchNavigation(
    safe(() => {
      triggers.navigated();
      link?.navigated();
    }),
  );

  // The launcher is drawn at once: in the look this device saw last, or on a first visit in the
  // default one. It fades in from transparent (shell-styles.ts), so the site's look, which arrives
  // at network speed within that transparent start, restyles it unseen; a later one blends in.
  paint(cachedLook(siteKey) ?? DEFAULT_LOOK);
  fetchSiteConfig(
    config,
    safe((fresh, site) => {
      if (fresh) paint(fresh);
      triggers.start(site);
    }),
  );

  /** `Hearth('reset')`: this device forgets the visitor (the conversation stays on the server). */
  function forget(): void {
    for (const key of [storedKey('token', siteKey), storedKey('outbox', siteKey), flagKey, whoKey]) store(key, null);
    for (const key of [tracksKey, openKey]) store(key, null, 'sessionStorage');
    state.identity = state.attributes = state.trigger = null;
    setUnread(0);
    // A frame with storage of its own keeps the visitor's token there: it must hear the reset, so
    // it is loaded (hidden) if it is not yet, and told as soon as it is ready.
    if (link?.isReady()) post({ type: 'hearth:reset' });
    else state.resetPending = true;
    ensureFrame();
  }

  // Each command checks its arguments before it changes anything (api-arguments.ts).
  installApi(window, {
    open: () => setOpen(true, true),
    close: () => setOpen(false, shell.hasFocus()),
    toggle: () => setOpen(!state.open, state.open ? shell.hasFocus() : true),
    show: () => {
      hiddenByHost = false;
      render();
    },
    hide: () => {
      hiddenByHost = true;
      setOpen(false, false);
      render();
    },
    identify: (value) => {
      const identity = checkIdentity(value);
      // A shared computer: the user this device last chatted as signed out (null) or another signed
      // in, signed or not. Their conversation must not stay here for the next person: forget the
      // visitor first, so the new session is a fresh one (an anonymous visitor who signs in keeps theirs).
      const who = identity?.id || identity?.email || identity?.name || '';
      const before = load(whoKey);
      if (before && before !== who) forget();
      store(whoKey, who || null);
      state.identity = identity;
      post({ type: 'hearth:identify', identity });
    },
    set: (value) => {
      const next = checkAttributes(value);
      state.attributes = { ...state.attributes, ...next };
      post({ type: 'hearth:attributes', attributes: next });
    },
    track: (name, props) => {
      const event: HostTrack = { id: randomId(), at: Date.now(), ...trackArgs(name, props) };
      // One JSON line per event (visit-tracks.ts): appended without reading the others back.
      store(tracksKey, [...(load(tracksKey, 'sessionStorage')?.split('\n') ?? []), toJson(event)].slice(-TRACK_REPLAY).join('\n'), 'sessionStorage');
      post({ type: 'hearth:track', event });
      triggers.track(event.name, event.props);
    },
    setLocale: (value) => {
      state.locale = checkLocale(value);
      render();
      post({ type: 'hearth:locale', locale: state.locale });
    },
    setTheme: (value) => {
      state.theme = checkTheme(value);
      if (look) paint(look);
      post({ type: 'hearth:theme', theme: state.theme });
    },
    reset: forget,
    on: (event, fn) => events.on(...listener(HOST_EVENTS, event, fn)),
    off: (event, fn) => events.off(...listener(HOST_EVENTS, event, fn)),
  });
  events.emit('ready');

  // The panel stays open across the pages of a visit until the visitor closes it (focus stays
  // where the page puts it); else, in an ongoing conversation, the frame loads hidden so its
  // socket receives the agent's replies.
  if (!hiddenByHost && load(openKey, 'sessionStorage') === '1') setOpen(true, false);
  else if (load(flagKey) === '1') ensureFrame();
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
