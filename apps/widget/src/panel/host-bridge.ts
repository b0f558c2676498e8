import type { FrameToHost, HostToFrame } from '@hearth/protocol';
import { parseHostToFrame } from '../embed-messages.ts';

/** The frame's side of the postMessage channel with the loader on the host page. */
export interface HostBridge {
  post(message: FrameToHost): void;
  listen(handler: (message: HostToFrame) => void): void;
}

export function createHostBridge(host: string): HostBridge {
  let handler: ((message: HostToFrame) => void) | null = null;
  addEventListener('message', (event: MessageEvent) => {
    // Only the page that embeds us, from the origin the loader declared: other frames on the page,
    // popups and extensions cannot drive the panel.
    if (event.origin !== host || event.source !== window.parent) return;
    const message = parseHostToFrame(event.data);
    if (message) handler?.(message);
  });
  return {
    post: (message) => window.parent.postMessage(message, host),
    listen: (next) => {
      handler = next;
    },
  };
}
