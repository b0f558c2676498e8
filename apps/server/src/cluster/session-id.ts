import { randomBytes } from 'node:crypto';

/**
 * Engine.io session ids that name their node: `<node>~<random>`. A balancer routes every request
 * of a session (long-polling above all: the widget's fetch polling carries no cookie, being a
 * third-party frame) to the node holding it by reading the prefix of the `sid` query parameter
 * (deploy/haproxy/hearth.cfg); the handshake, which has no sid yet, may go anywhere.
 *
 * `~` cannot occur in a node name (config.ts) and is URL-safe; the random part is 120 bits,
 * base64url, like engine.io's own ids.
 */
export const SESSION_NODE_SEPARATOR = '~';

export function sessionId(node: string): string {
  return `${node}${SESSION_NODE_SEPARATOR}${randomBytes(15).toString('base64url')}`;
}

/** The node a session id names, or null for an id without one (another version's, a forged one). */
export function nodeOfSession(sid: string): string | null {
  const at = sid.indexOf(SESSION_NODE_SEPARATOR);
  return at > 0 ? sid.slice(0, at) : null;
}
