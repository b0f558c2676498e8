import { render } from 'preact';
import { createChatController } from './chat-controller.ts';
import { App } from './components/App.tsx';
import { isEmbeddedBy, parseFrameHash } from './frame-params.ts';
import { createHostBridge } from './host-bridge.ts';
import { STRING_TABLES, pickLocale } from './i18n/strings.ts';
import './panel.css';

const root = document.getElementById('app')!;
const params = parseFrameHash(location.hash);

if (!params || !isEmbeddedBy(params.host, location.ancestorOrigins, window.parent !== window)) {
  // Framed by a page other than the one the hash names (or opened directly): talk to no one.
  render(<p class="refused">{STRING_TABLES[pickLocale(null, null, navigator.languages)].refused}</p>, root);
} else {
  const bridge = createHostBridge(params.host);
  const controller = createChatController(params, bridge);
  render(<App controller={controller} />, root);
  bridge.post({ type: 'hearth:ready' });
}
