import type { HostIdentity, HostToFrame, StoredKey, Theme, TriggerContext, VisitorAttributes, WidgetEventData, WidgetEventName, WidgetLocale } from '@hearth/protocol';
import { parseFrameToHost } from '../../embed-messages.ts';
import type { HostStorage } from '../host-storage.ts';
import { readTracks } from '../visit-tracks.ts';
import { activeFlagKey, storedKey, tracksKey, type LoaderConfig } from '../script-config.ts';
import { MOBILE_QUERY } from '../shell-styles.ts';
import { createScrollLock } from './scroll-lock.ts';
import { watchUnreadTitle } from './unread-title.ts';

/**
 * What the host told the loader (through the JS API) and what the visitor did: kept by the loader,
 * read by the link whenever the frame (re)loads, so the frame always starts from the full state.
 */
export interface LoaderState {
  open: boolean;
  unread: number;
  /** The visitor asked for focus before the frame could take it; honoured on hearth:ready. */
  focusOnReady: boolean;
  identity: HostIdentity | null;
  /** Everything `set` was given on this page (merged): the frame may load after the calls. */
  attributes: VisitorAttributes | null;
  locale: WidgetLocale | null;
  theme: Theme | null;
  /** The prompt the visitor engaged with: handed to the frame (again on ready) for their first message. */
  trigger: TriggerContext | null;
  /** `reset` came before the frame was ready: it hears it first thing. */
  resetPending: boolean;
}

/** What the link may ask of the loader. */
export interface LinkHost {
  config: LoaderConfig;
  frame: HTMLIFrameElement;
  state: LoaderState;
  /** `focus`: on open, move focus into the chat; on close, return it to the launcher. */
  setOpen(open: boolean, focus: boolean): void;
  setUnread(count: number): void;
  emit(event: WidgetEventName, data: WidgetEventData): void;
  /** The loader's storage functions (host-storage.ts). */
  storage: HostStorage;
}

export interface FrameLink {
  /** A message from our frame (the loader checked its source and origin). */
  receive(data: unknown): void;
  /** Posted once the frame is ready (before that, `hearth:ready` hands it the whole state). */
  post(message: HostToFrame): void;
  isReady(): boolean;
  /** After a single-page-app navigation. */
  navigated(): void;
  /** The loader's state changed: the page title's unread prefix, the small-screen scroll lock. */
  render(): void;
}

/**
 * The loader's side of the chat frame, imported with the frame (the panel is loaded at the same
 * moment and is far bigger): the postMessage handshake, the frame's requests, the title's unread
 * prefix and the scroll lock behind the full-screen panel on phones. Pages where nobody opens the
 * chat never fetch it.
 */
export function linkFrame(host: LinkHost): FrameLink {
  const { config, frame, state } = host;
  const { load, store } = host.storage;
  let ready = false;
  let lastPageUrl = '';
  const setTitleCount = watchUnreadTitle();
  const lockScroll = createScrollLock();
  const mobile = matchMedia(MOBILE_QUERY);

  const post = (message: HostToFrame): void => {
    if (ready && frame.contentWindow) frame.contentWindow.postMessage(message, config.origin);
  };
  const postPage = (): void => {
    lastPageUrl = location.href;
    post({ type: 'hearth:page', page: { url: location.href, title: document.title, referrer: document.referrer || null } });
  };
  const render = (): void => {
    setTitleCount(state.open ? 0 : state.unread);
    lockScroll(state.open && mobile.matches);
  };
  mobile.addEventListener?.('change', render);
  // Escape while focus is on the host page or the launcher (inside the frame, the panel handles it).
  // Here, not in the loader: the panel is only ever open with this chunk loaded.
  document.addEventListener('keydown', (event) => {
    try {
      if (state.open && event.key === 'Escape' && !event.defaultPrevented) host.setOpen(false, document.activeElement === (frame.getRootNode() as ShadowRoot).host);
    } catch (error) {
      console.error('[hearth]', error);
    }
  });

  function onReady(): void {
    ready = true;
    // Forget first, so the session the frame starts next is already the new visitor's.
    if (state.resetPending) post({ type: 'hearth:reset' });
    state.resetPending = false;
    const values: Partial<Record<StoredKey, string>> = {};
    for (const key of ['token', 'outbox'] as const) {
      const value = load(storedKey(key, config.siteKey));
      if (value !== null) values[key] = value;
    }
    post({ type: 'hearth:identify', identity: state.identity });
    post({ type: 'hearth:stored', values });
    if (state.attributes) post({ type: 'hearth:attributes', attributes: state.attributes });
    if (state.locale) post({ type: 'hearth:locale', locale: state.locale });
    if (state.theme) post({ type: 'hearth:theme', theme: state.theme });
    postPage();
    post(state.open ? { type: 'hearth:open', focus: state.focusOnReady } : { type: 'hearth:closed' });
    if (state.trigger) post({ type: 'hearth:trigger', context: state.trigger });
    // Replayed on every page the frame loads on: the frame (and the server) know the ids they saw.
    for (const event of readTracks(load(tracksKey(config.siteKey), 'sessionStorage'))) {
      post({ type: 'hearth:track', event });
    }
    if (state.open && state.focusOnReady) frame.focus();
    state.focusOnReady = false;
  }

  return {
    receive(data) {
      const message = parseFrameToHost(data);
      if (!message) return;
      switch (message.type) {
        case 'hearth:ready':
          return onReady();
        case 'hearth:close':
          return host.setOpen(false, true);
        case 'hearth:unread':
          return host.setUnread(message.count);
        case 'hearth:conversation':
          return store(activeFlagKey(config.siteKey), message.active ? '1' : null);
        case 'hearth:store':
          return store(storedKey(message.key, config.siteKey), message.value);
        case 'hearth:event':
          // A copy of plain data: the host's listener cannot reach into our state.
          return host.emit(message.name, { ...message.data });
      }
    },
    post,
    isReady: () => ready,
    navigated: () => void (location.href !== lastPageUrl && postPage()),
    render,
  };
}
