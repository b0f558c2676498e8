/**
 * Same-origin check for the console's socket. Agent sockets authenticate with the session
 * cookie; a page on another origin that opens a WebSocket to Hearth would carry that cookie in
 * browsers that do not enforce SameSite on WebSocket handshakes (cross-site WebSocket
 * hijacking). Browsers always send Origin on a WebSocket handshake, so refusing foreign origins
 * closes that door; non-browser clients (no Origin) are authenticated by the cookie alone.
 */
export function isOwnOrigin(origin: string | undefined, host: string | undefined, publicUrl: string | undefined): boolean {
  if (origin === undefined) return true;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (parsed.origin !== origin) return false; // a path, a "null", anything not a bare origin
  if (publicUrl && new URL(publicUrl).origin === origin) return true;
  return host !== undefined && parsed.host === host.toLowerCase();
}
