import fp from 'fastify-plugin';
import rateLimit from '@fastify/rate-limit';
import type { Config } from '../config.ts';
import { isOwnOrigin } from './origins.ts';
import { crossSiteRefusal } from './cross-site.ts';
import { hasNulByte } from './nul-bytes.ts';
import { registerClientLimits } from './socket-limits.ts';
import { closeAgentSocketsOnExpiry } from './session-expiry.ts';
import { embeddingAllowed } from '../identity/identity-rules.ts';

/**
 * Limits and origin checks in one place: HTTP rate limits (routes opt in with
 * `config: { rateLimit }`), socket limits (socket-limits.ts: caps, event budgets, backpressure),
 * and same-origin agent sockets. Registered after the io plugin and before the features, so its socket middleware runs
 * before theirs.
 */
export default fp<{ config: Config }>(
  async (app, { config }) => {
    await app.register(rateLimit, {
      global: false,
      // Cluster mode: one count per client across the nodes; while Redis is away, requests pass.
      ...(app.cluster.limitsRedis ? { redis: app.cluster.limitsRedis, nameSpace: `${config.REDIS_KEY_PREFIX}rate:`, skipOnError: true } : {}),
      // Thrown, then shaped by the app's error handler into { error: { code, message } }.
      errorResponseBuilder: (_request, context) => ({
        statusCode: 429,
        code: 'rate_limited',
        message: `Too many requests; try again in ${context.after}.`,
      }),
    });

    app.addHook('onRequest', async (request, reply) => {
      const refusal = crossSiteRefusal(
        { method: request.method, path: request.url.split('?')[0]!, origin: request.headers.origin, contentType: request.headers['content-type'], host: request.headers.host },
        config.PUBLIC_URL,
      );
      if (refusal) return reply.code(refusal.status).send({ error: { code: refusal.code, message: refusal.message } });
    });

    app.addHook('preValidation', async (request, reply) => {
      if (hasNulByte(request.query) || hasNulByte(request.params) || hasNulByte(request.body)) {
        return reply.code(400).send({ error: { code: 'invalid_payload', message: 'Text may not contain a NUL character.' } });
      }
    });

    // Every API answer is data, not a page: never sniffed into HTML/script, and never kept by a
    // shared or browser cache (exports, search, reports and profiles are personal data). A route that
    // may be cached says so itself (its cache-control is kept).
    app.addHook('onSend', async (request, reply) => {
      if (!request.url.startsWith('/api/')) return;
      void reply.header('x-content-type-options', 'nosniff');
      if (!reply.hasHeader('cache-control')) void reply.header('cache-control', 'no-store');
    });

    app.agentNsp.use((socket, next) => {
      const { origin, host } = socket.handshake.headers;
      if (!isOwnOrigin(origin, host, config.PUBLIC_URL)) {
        next(new Error('forbidden_origin'));
        return;
      }
      next();
    });

    // A visitor socket opened from a foreign page (not the widget frame, which is on Hearth's own
    // origin) must come from one of its site's allowed origins. Checked per namespace, not in the
    // engine's allowRequest: the engine handshake carries neither the token nor the site.
    app.visitorNsp.use((socket, next) => {
      const { origin, host } = socket.handshake.headers;
      const claims = app.visitorTokens.verify(socket.handshake.auth?.token);
      if (!claims || isOwnOrigin(origin, host, config.PUBLIC_URL)) {
        next();
        return;
      }
      app.store.read.sites.settings(claims.siteId).then(
        ({ allowedOrigins }) => next(embeddingAllowed(allowedOrigins, undefined, origin, host) ? undefined : new Error('forbidden_origin')),
        (err: unknown) => {
          app.log.error({ err }, 'visitor origin check failed');
          next(new Error('internal'));
        },
      );
    });

    closeAgentSocketsOnExpiry(app);
    registerClientLimits(app, config);
  },
  { name: 'security', dependencies: ['io', 'store', 'visitor-tokens', 'cluster', 'client-address'] },
);
