import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { IdempotencyKeySchema, type ApiScope, type SiteId } from '@hearth/protocol';
import type { Config } from '../config.ts';
import { HttpError } from '../auth/request-auth.ts';
import { bearerToken, checkToken, hashToken, scopeFor } from './api-tokens.ts';

/** The API token a /api/v1 request was authenticated with. */
export interface ApiCaller {
  tokenId: string;
  siteId: SiteId;
  /** The token's name: every call is logged with it. */
  name: string;
  scopes: ApiScope[];
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set on /api/v1 routes once the bearer token checked out (api/api-v1.plugin.ts). */
    apiCaller?: ApiCaller;
    /** The Idempotency-Key this POST reserved: its answer is stored for retries. */
    idempotencyKey?: string;
  }
}

/** "Last used" is written at most this often per token: an API call is not a database write. */
const TOUCH_EVERY_MS = 60_000;

/** The caller of a /api/v1 route; the auth hook ran, so it is there. */
export function apiCaller(request: FastifyRequest): ApiCaller {
  if (!request.apiCaller) throw new HttpError(401, 'unauthorized', 'Send a valid API token as "Authorization: Bearer hth_…".');
  return request.apiCaller;
}

/** Route config for /api/v1 routes: the per-token rate limit (shared across nodes through Redis in cluster mode). */
export function apiRouteConfig(config: Config) {
  return {
    rateLimit: {
      max: config.API_RATE_PER_MIN,
      timeWindow: '1 minute',
      keyGenerator: (request: FastifyRequest) => `api:${request.apiCaller?.tokenId ?? request.ip}`,
    },
  };
}

/**
 * One auth hook for the whole /api/v1 subtree (register routes inside it, so a new route cannot
 * forget it): bearer token → site and scopes, the scope the method needs, the call logged with the
 * token's name, and idempotency keys on POST. Answers `{ error: { code, message } }` like every route.
 */
export function apiV1Hooks(app: FastifyInstance): void {
  const { store } = app;
  const lastTouch = new Map<string, number>();

  app.addHook('onRequest', async (request) => {
    const token = bearerToken(request.headers.authorization);
    const now = Date.now();
    const check = checkToken(token ? await store.read.api.byHash(hashToken(token)) : null, now);
    if (!check.ok) throw new HttpError(401, check.code, check.message);
    const { grant } = check;
    request.apiCaller = { tokenId: grant.id, siteId: grant.siteId, name: grant.name, scopes: grant.scopes };
    const needed = scopeFor(request.method);
    if (!grant.scopes.includes(needed)) throw new HttpError(403, 'insufficient_scope', `This token lacks the "${needed}" scope.`);
  });

  app.addHook('preHandler', async (request, reply) => {
    const raw = request.headers['idempotency-key'];
    if (request.method !== 'POST' || raw === undefined) return;
    const key = IdempotencyKeySchema.safeParse(raw);
    if (!key.success) throw new HttpError(400, 'invalid_idempotency_key', 'Idempotency-Key is 1 to 255 printable ASCII characters.');
    const caller = apiCaller(request);
    const requestHash = createHash('sha256').update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`).digest('hex');
    const held = await store.unit((tx) => tx.api.reserveKey(caller.tokenId, key.data, requestHash, Date.now()));
    if (!held) {
      request.idempotencyKey = key.data;
      return;
    }
    if (held.requestHash !== requestHash) throw new HttpError(422, 'idempotency_key_reused', 'This Idempotency-Key was used for another request.');
    if (held.statusCode === 0) throw new HttpError(409, 'idempotency_in_progress', 'A request with this Idempotency-Key is still running.');
    return replay(reply, held.statusCode, held.body);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const key = request.idempotencyKey;
    const caller = request.apiCaller;
    if (!key || !caller) return payload;
    request.idempotencyKey = undefined;
    if (reply.statusCode >= 500) await store.unit((tx) => tx.api.releaseKey(caller.tokenId, key));
    else await store.unit((tx) => tx.api.answerKey(caller.tokenId, key, reply.statusCode, typeof payload === 'string' ? payload : ''));
    return payload;
  });

  app.addHook('onResponse', async (request, reply) => {
    const caller = request.apiCaller;
    // "Last used" counts calls that did something: a refused call writes nothing.
    const now = Date.now();
    if (caller && reply.statusCode < 400 && (lastTouch.get(caller.tokenId) ?? 0) < now - TOUCH_EVERY_MS) {
      lastTouch.set(caller.tokenId, now);
      await store.unit((tx) => tx.api.touch(caller.tokenId, now));
    }
    request.log.info(
      { tokenName: caller?.name ?? null, tokenId: caller?.tokenId ?? null, siteId: caller?.siteId ?? null, method: request.method, url: request.routeOptions.url, statusCode: reply.statusCode },
      'api call',
    );
  });
}

function replay(reply: FastifyReply, statusCode: number, body: string) {
  return reply.code(statusCode).header('idempotent-replayed', 'true').type('application/json; charset=utf-8').send(body);
}
