/**
 * Secrets never reach a log line. Three kinds are covered, wherever they appear in a line (a request
 * line's URL, an error message quoting a URL, a field someone logged):
 * - a route parameter whose name says it is a secret (`/api/invitations/:inviteToken`): every route
 *   is learnt as it is registered, so a new `/api/password-resets/:resetToken` is covered unasked;
 * - a query parameter whose name says it is a secret (`?token=`, `?access_token=`, `?signature=`);
 * - the password of a URL with credentials (`redis://user:password@host`, a DATABASE_URL in an error);
 * - header and body fields (cookies, Authorization, passwords), by pino's `redact` paths in
 *   logger.ts.
 */

/** Route parameter and query names that carry a secret. */
const SECRET_NAME = /token|secret|password|passwd|signature|api_?key|credential/i;
const SECRET_QUERY_NAMES = /^(?:code|sig|hash|auth|session)$/i;
export const REDACTED = '[redacted]';

/** What a URL path segment or query value may contain before it ends (a JSON string's quote, space, …). */
const SEGMENT = String.raw`[^/?#\s"'\\<>]+`;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const SECRET_QUERY = /([?&])([A-Za-z0-9_.[\]-]+)=([^&#\s"'\\<>]*)/g;
const URL_PASSWORD = /([a-z][a-z0-9+.-]*:\/\/[^:/?#\s"'@]*:)[^@/?#\s"']+@/gi;

export interface SecretRedactor {
  /** Learns a route (Fastify's `onRoute` url, e.g. `/api/invitations/:inviteToken/accept`). */
  addRoute(url: string): void;
  /** Replaces every secret in `text` (a URL or a whole serialized log line) with `[redacted]`. */
  redact(text: string): string;
}

export function createSecretRedactor(): SecretRedactor {
  // One pattern per distinct route prefix, with the positions of its secret segments.
  const patterns = new Map<string, { pattern: RegExp; secret: Set<number> }>();
  return {
    addRoute(url) {
      const parts = url.split('/');
      const isSecret = (part: string) => part.startsWith(':') && SECRET_NAME.test(part);
      const last = parts.findLastIndex(isSecret);
      if (last < 0) return;
      // Static segments literally, any parameter as one segment, up to the last secret one.
      const prefix = parts.slice(0, last + 1);
      const source = prefix.map((part) => (part.startsWith(':') ? SEGMENT : escapeRegExp(part))).join('/');
      if (patterns.has(source)) return;
      const secret = new Set(prefix.flatMap((part, i) => (isSecret(part) ? [i] : [])));
      patterns.set(source, { pattern: new RegExp(source, 'g'), secret });
    },
    redact(text) {
      let out = text;
      if (out.includes('://')) out = out.replace(URL_PASSWORD, `$1${REDACTED}@`);
      if (out.includes('=')) {
        out = out.replace(SECRET_QUERY, (whole, sep: string, name: string) =>
          SECRET_NAME.test(name) || SECRET_QUERY_NAMES.test(name) ? `${sep}${name}=${REDACTED}` : whole,
        );
      }
      for (const { pattern, secret } of patterns.values()) {
        out = out.replace(pattern, (match) =>
          match
            .split('/')
            .map((segment, i) => (secret.has(i) ? REDACTED : segment))
            .join('/'),
        );
      }
      return out;
    },
  };
}
