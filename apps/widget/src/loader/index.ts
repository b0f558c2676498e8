import type { HostIdentity, HostToFrame, StoredKey, Theme, TriggerContext, VisitorAttributes, WidgetLocale } from '@hearth/protocol';
import { parseFrameToHost } from '../embed-messages.ts';
import { attributes as checkAttributes, identity as checkIdentity, listener, locale as checkLocale, theme as checkTheme, trackArgs } from './api-arguments.ts';
import { installApi } from './command-queue.ts';
import { textColorOn } from './contrast.ts';
import { HOST_EVENTS, createHostEvents } from './host-events.ts';
import { load, loadJson, randomId, store, storeJson } from './host-storage.ts';
import { launcherName, pickLocale, stringsFor } from './loader-strings.ts';
import { watchNavigation } from './navigation.ts';
import { activeFlagKey, frameUrl, readScriptConfig, storedKey, type LoaderConfig } from './script-config.ts';
import { createScrollLock } from './scroll-lock.ts';
import { MOBILE_QUERY } from './shell-styles.ts';
import { DEFAULT_LOOK, LOOK_WAIT_MS, cachedLook, fetchSiteConfig, type SiteLook } from './site-look.ts';
import { linkTriggers } from './triggers-link.ts';
import { watchUnreadTitle } from './unread-title.ts';
import { createShell } from './widget-shell.ts';

/**
 * The embed loader: `<script async src="https://HEARTH/widget.js" data-site="KEY"></script>`.
 * It draws the launcher (in the site's look), serves the JS API and loads the chat frame only when
 * needed. It runs inside someone else's page, so it never throws into it and defines no global but
 * `window.Hearth`.
 */

// Performance marks (read by `pnpm bench`): loader start, and launcher painted (below).
mark('start');

// Captured synchronously: document.currentScript is only set while this script's top level runs.
const currentScript = document.currentScript as HTMLScriptElement | null;

/** Tracked events of this visit replayed to the frame when it loads (it may load pages later). */
const TRACK_REPLAY = 20;

type HostTrack = Extract<HostToFrame, { type: 'hearth:track' }>['event'];

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
  const flagKey = activeFlagKey(siteKey);
  const tracksKey = `hearth:tracks:${siteKey}`;
  let open = false;
  let ready = false;
  let unread = 0;
  let hiddenByHost = false;
  let look: SiteLook | null = null;
  // The visitor asked for focus before the frame could take it; honoured on hearth:ready.
  let focusOnReady = false;
  let frame: HTMLIFrameElement | null = null;
  let lastPageUrl = '';
  // The prompt the visitor engaged with: handed to the frame (again on ready) for their first message.
  let trigger: TriggerContext | null = null;
  // What the host told us through the API, replayed to the frame whenever it (re)loads.
  let identity: HostIdentity | null = null;
  let attributes: VisitorAttributes | null = null;
  let locale: WidgetLocale | null = null;
  let theme: Theme | null = null;
  let resetPending = false;

  const events = createHostEvents();
  const setTitleCount = watchUnreadTitle();
  const lockScroll = createScrollLock();
  const mobile = matchMedia(MOBILE_QUERY);
  const shell = createShell(safe(() => setOpen(!open, true)));
  const currentLocale = () => pickLocale(locale, look?.locale ?? null, navigator.language);

  function render(): void {
    const text = stringsFor(currentLocale());
    const label = look?.launcherLabel ?? '';
    shell.render({ open, unread, hidden: hiddenByHost || !look, name: launcherName(text, label, open, unread), tooltip: label || text.open });
    setTitleCount(open ? 0 : unread);
    lockScroll(open && mobile.matches);
  }
  mobile.addEventListener?.('change', safe(render));

  function paint(next: SiteLook): void {
    if (!look) requestAnimationFrame(() => setTimeout(() => mark('shown'))); // after the next rendering step
    look = next;
    shell.paint({ brand: next.brandColor, onBrand: textColorOn(next.brandColor), side: next.position, theme: theme ?? next.theme });
    render();
  }

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
        triggers.opened();
      }
      render();
      post(open ? { type: 'hearth:open', focus } : { type: 'hearth:closed' });
      events.emit(open ? 'open' : 'close');
    }
    if (open && focus) {
      focusOnReady = !ready;
      frame?.focus();
    } else if (!open && focus) {
      shell.launcher.focus();
    }
  }

  function setUnread(count: number): void {
    if (count === unread) return;
    unread = count;
    render();
    events.emit('unread:changed', { count });
  }

  function onReady(target: HTMLIFrameElement): void {
    ready = true;
    // Forget first, so the session the frame starts next is already the new visitor's.
    if (resetPending) post({ type: 'hearth:reset' });
    resetPending = false;
    const values: Partial<Record<StoredKey, string>> = {};
    for (const key of ['token', 'outbox'] as const) {
      const value = load(storedKey(key, siteKey));
      if (value !== null) values[key] = value;
    }
    post({ type: 'hearth:identify', identity });
    post({ type: 'hearth:stored', values });
    if (attributes) post({ type: 'hearth:attributes', attributes });
    if (locale) post({ type: 'hearth:locale', locale });
    if (theme) post({ type: 'hearth:theme', theme });
    postPage();
    post(open ? { type: 'hearth:open', focus: focusOnReady } : { type: 'hearth:closed' });
    if (trigger) post({ type: 'hearth:trigger', context: trigger });
    // The frame dedupes by id: replaying the visit's recent events on every page costs nothing twice.
    for (const event of loadJson<HostTrack[]>(tracksKey, [], 'sessionStorage')) post({ type: 'hearth:track', event });
    if (open && focusOnReady) target.focus();
    focusOnReady = false;
  }

  addEventListener(
    'message',
    safe((event: MessageEvent) => {
      // Only our own frame, from Hearth's origin: any other window or origin is ignored.
      if (!frame || event.source !== frame.contentWindow || event.origin !== config.origin) return;
      const message = parseFrameToHost(event.data);
      if (!message) return;
      switch (message.type) {
        case 'hearth:ready':
          return onReady(frame);
        case 'hearth:close':
          return setOpen(false, true);
        case 'hearth:open-request':
          return setOpen(true, false);
        case 'hearth:unread':
          return setUnread(message.count);
        case 'hearth:conversation':
          return store(flagKey, message.active ? '1' : null);
        case 'hearth:store':
          return store(storedKey(message.key, siteKey), message.value);
        case 'hearth:event':
          // A copy of plain data: the host's listener cannot reach into our state.
          return events.emit(message.name, { ...message.data });
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

  const triggers = linkTriggers(config, {
    root: shell.host.shadowRoot!,
    // No prompt over an open panel, with the launcher hidden, nor to a visitor already in a conversation.
    chatting: () => open || hiddenByHost || load(flagKey) === '1',
    engage: (context) => {
      trigger = context;
      setOpen(true, true);
      post({ type: 'hearth:trigger', context });
    },
    locale: currentLocale,
  });

  watchNavigation(
    safe(() => {
      triggers.navigated();
      if (location.href !== lastPageUrl) postPage();
    }),
  );

  // A returning visitor's launcher is drawn at once in the look this device saw last; a first visit
  // waits for the config (up to LOOK_WAIT_MS) rather than flash the default color, then corrects.
  const cached = cachedLook(siteKey);
  if (cached) paint(cached);
  else setTimeout(safe(() => look ?? paint(DEFAULT_LOOK)), LOOK_WAIT_MS);
  fetchSiteConfig(
    config,
    safe((fresh, site) => {
      if (fresh || !look) paint(fresh ?? DEFAULT_LOOK);
      triggers.start(site);
    }),
  );

  installApi(window, {
    open: () => setOpen(true, true),
    close: () => setOpen(false, shell.hasFocus()),
    toggle: () => setOpen(!open, open ? shell.hasFocus() : true),
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
      identity = checkIdentity(value);
      post({ type: 'hearth:identify', identity });
    },
    set: (value) => {
      const next = checkAttributes(value);
      attributes = { ...attributes, ...next };
      post({ type: 'hearth:attributes', attributes: next });
    },
    track: (name, props) => {
      const event: HostTrack = { id: randomId(), at: Date.now(), ...trackArgs(name, props) };
      storeJson(tracksKey, [...loadJson<HostTrack[]>(tracksKey, [], 'sessionStorage'), event].slice(-TRACK_REPLAY), 'sessionStorage');
      post({ type: 'hearth:track', event });
      triggers.track(event.name, event.props);
    },
    setLocale: (value) => {
      locale = checkLocale(value);
      render();
      post({ type: 'hearth:locale', locale });
    },
    setTheme: (value) => {
      theme = checkTheme(value);
      if (look) paint(look);
      post({ type: 'hearth:theme', theme });
    },
    reset: () => {
      for (const key of [storedKey('token', siteKey), storedKey('outbox', siteKey), flagKey]) store(key, null);
      store(tracksKey, null, 'sessionStorage');
      identity = attributes = trigger = null;
      setUnread(0);
      // A frame with storage of its own keeps the visitor's token there: it must hear the reset, so
      // it is loaded (hidden) if it is not yet, and told as soon as it is ready.
      if (ready) post({ type: 'hearth:reset' });
      else resetPending = true;
      ensureFrame();
    },
    on: (event, fn) => events.on(...listener(HOST_EVENTS, event, fn)),
    off: (event, fn) => events.off(...listener(HOST_EVENTS, event, fn)),
  });
  events.emit('ready');

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
