import { render } from 'preact';
import { createChatController } from './chat-controller.ts';
import { App } from './components/App.tsx';
import { isEmbeddedBy, parseFrameHash } from './frame-params.ts';
import { createHostBridge } from './host-bridge.ts';
import { en } from './i18n/en.ts';
import { loadStrings, loadedStrings } from './i18n/string-tables.ts';
import { pickLocale } from './i18n/strings.ts';
import './panel.css';

/**
 * How long the first paint waits for a German or Spanish reader's strings (a chunk of their own)
 * before it paints in English; the panel switches in place when the chunk arrives.
 */
const STRINGS_WAIT_MS = 1500;

const root = document.getElementById('app')!;
const params = parseFrameHash(location.hash);
const browserLocale = pickLocale(null, null, navigator.languages);

/** Paints at once when the browser's language is already here (English), else once it is or the wait ends. */
function paintInBrowserLocale(paint: () => void): void {
  if (loadedStrings(browserLocale)) {
    paint();
    return;
  }
  void Promise.race([loadStrings(browserLocale), new Promise((resolve) => setTimeout(resolve, STRINGS_WAIT_MS))]).then(paint);
}

if (!params || !isEmbeddedBy(params.host, location.ancestorOrigins, window.parent !== window)) {
  // Framed by a page other than the one the hash names (or opened directly): talk to no one.
  paintInBrowserLocale(() => render(<p class="refused">{(loadedStrings(browserLocale) ?? en).refused}</p>, root));
} else {
  const bridge = createHostBridge(params.host);
  // Connects and listens to the host page at once; only the painting waits for the strings.
  const controller = createChatController(params, bridge);
  paintInBrowserLocale(() => render(<App controller={controller} />, root));
  bridge.post({ type: 'hearth:ready' });
}
