import fp from 'fastify-plugin';
import rateLimit from '@fastify/rate-limit';
import type { Socket } from 'socket.io';
import type { Config } from '../config.ts';
import { isOwnOrigin } from './origins.ts';
import { createEventBudget } from './event-budget.ts';
import { closeAgentSocketsOnExpiry } from './session-expiry.ts';
import { embeddingAllowed } from '../identity/identity-rules.ts';

/**
 * Limits and origin checks in one place: HTTP rate limits (routes opt in with
 * `config: { rateLimit }`), a per-socket event budget on both namespaces, and same-origin agent
 * sockets. Registered after the io plugin and before the features, so its socket middleware runs
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

    const budget = (socket: Socket) => {
      const bucket = createEventBudget(config.SOCKET_EVENTS_PER_MIN, config.SOCKET_EVENTS_BURST, Date.now());
      socket.use((packet, next) => {
        if (bucket.take(Date.now())) return next();
        const ack = packet[packet.length - 1];
        if (typeof ack === 'function') ack({ ok: false, error: { code: 'rate_limited', message: 'Too many messages; slow down a little.' } });
      });
    };
    closeAgentSocketsOnExpiry(app);
    app.visitorNsp.on('connection', budget);
    app.agentNsp.on('connection', budget);
  },
  { name: 'security', dependencies: ['io', 'store', 'visitor-tokens', 'cluster'] },
);
