import { isOwnOrigin } from './origins.ts';

/** What a state-changing request looks like to the cross-site check. */
export interface RequestShape {
  method: string;
  /** The path, without the query. */
  path: string;
  origin: string | undefined;
  /** The Content-Type header, if any. */
  contentType: string | undefined;
  host: string | undefined;
}

export interface Refusal {
  status: 403 | 415;
  code: 'forbidden_origin' | 'unsupported_media_type';
  message: string;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Media types a console request may carry; a cross-origin form can send neither without a preflight, except multipart (stopped by Origin). */
const ACCEPTED = /^(application\/json|multipart\/form-data)\s*(;|$)/i;

/**
 * Decides whether a request may change state in the console's API (CSRF, including from another
 * origin of the same site, which SameSite cookies let through). A state-changing `/api` request
 * must carry, if it has a body, a JSON (or multipart upload) content type — an HTML form on another
 * page can only post text/plain, urlencoded or multipart — and, if it has an Origin (every browser
 * sends one on such requests), Hearth's own. `/api/widget/*` is the visitors' cross-origin API
 * (token-authenticated, no cookie) and keeps its own rules: the beacon alone reads text/plain.
 *
 * @example
 * crossSiteRefusal({ method: 'POST', path: '/api/sites/s1/triggers', origin: 'https://blog.shop.example', contentType: 'text/plain', host: 'chat.shop.example' }, undefined)
 * // { status: 403, code: 'forbidden_origin', ... }
 */
export function crossSiteRefusal(request: RequestShape, publicUrl: string | undefined): Refusal | null {
  if (!UNSAFE.has(request.method) || !request.path.startsWith('/api/') || request.path.startsWith('/api/widget/')) return null;
  if (!isOwnOrigin(request.origin, request.host, publicUrl)) {
    return { status: 403, code: 'forbidden_origin', message: 'This request must come from the Hearth console itself.' };
  }
  if (request.contentType !== undefined && !ACCEPTED.test(request.contentType)) {
    return { status: 415, code: 'unsupported_media_type', message: 'Send JSON (Content-Type: application/json).' };
  }
  return null;
}
