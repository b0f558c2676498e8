import { Fetch, WebSocket, io } from 'socket.io-client';
import type { VISITOR_NAMESPACE } from '@hearth/protocol';
import type { VisitorSocket } from './outbox-sender.ts';

// Spelled out, not imported: the protocol's runtime modules pull zod into the bundle. The `typeof`
// annotation still breaks type-checking if the protocol's namespace changes.
const VISITOR_NS: typeof VISITOR_NAMESPACE = '/visitor';

/**
 * The visitor's socket to this frame's own origin. auth as a function: every reconnect presents the
 * newest token. WebSocket first; where a proxy refuses it, long-polling (tryAllTransports: without
 * it engine.io gives up after the first). Named implementations: fetch-based polling is ~1 KB gzip
 * lighter than the default XHR one, and the build leaves engine.io's default set out
 * (vite.panel.config.ts).
 */
export function openVisitorSocket(token: () => string): VisitorSocket {
  return io(location.origin + VISITOR_NS, {
    auth: (cb) => cb({ token: token() }),
    transportImplementations: [WebSocket, Fetch],
    tryAllTransports: true,
  });
}
