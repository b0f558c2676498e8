import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config.ts';

/**
 * The widget frame's CSP: its own scripts only (an injected script cannot run even if a message
 * slipped past escaping), its socket and API on Hearth's origin, avatars from any https address.
 * No `frame-ancestors`: customers' pages embed it (allowed origins are checked on its socket).
 */
export const WIDGET_FRAME_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https:",
  "media-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * The browser-facing files: the widget loader at a stable URL, the widget frame, and the console
 * (a single-page app). They are built by `pnpm build`; a missing build answers 503 with the fix
 * instead of a confusing 404.
 */
export const webRoutes: FastifyPluginAsync<{ config: Config }> = async (app, { config }) => {
  const loaderDir = join(config.WIDGET_DIST, 'loader');
  const panelDir = join(config.WIDGET_DIST, 'panel');
  const chunksDir = join(config.WIDGET_DIST, 'chunks');
  const consoleDir = config.CONSOLE_DIST;
  const notBuilt = (what: string) => ({ error: { code: 'not_built', message: `${what} is not built: run \`pnpm build\`.` } });

  app.get('/', async (_request, reply) => reply.redirect('/console/'));

  if (existsSync(loaderDir) && existsSync(panelDir)) {
    await app.register(fastifyStatic, {
      root: panelDir,
      prefix: '/widget/',
      decorateReply: false,
      // Hashed assets never change; frame.html names them, so it must be revalidated after a deploy.
      setHeaders: (res, path) => {
        res.header('cache-control', path.endsWith('.html') ? 'no-cache' : 'public, max-age=31536000, immutable');
        if (path.endsWith('.html')) res.header('content-security-policy', WIDGET_FRAME_CSP);
      },
    });
    // The loader's chunks (frame link, proactive triggers): ES modules the loader imports from the
    // host page, so they need CORS (module scripts are fetched in cors mode); their names carry
    // their hash, so they never change.
    if (existsSync(chunksDir)) {
      await app.register(fastifyStatic, {
        root: chunksDir,
        prefix: '/widget-chunks/',
        decorateReply: false,
        setHeaders: (res) => {
          res.header('access-control-allow-origin', '*');
          res.header('cache-control', 'public, max-age=31536000, immutable');
        },
      });
    } else {
      app.get('/widget-chunks/*', async (_r, reply) => reply.code(503).send(notBuilt('The widget')));
    }
    await app.register(async (scope) => {
      await scope.register(fastifyStatic, { root: loaderDir, serve: false });
      // Stable URL embedded on customers' pages: short cache so fixes reach every site quickly.
      scope.get('/widget.js', async (_request, reply) =>
        reply.header('cache-control', 'public, max-age=300').type('application/javascript').sendFile('widget.js'),
      );
    });
  } else {
    app.get('/widget.js', async (_r, reply) => reply.code(503).send(notBuilt('The widget')));
    app.get('/widget/*', async (_r, reply) => reply.code(503).send(notBuilt('The widget')));
  }

  if (existsSync(join(consoleDir, 'index.html'))) {
    await app.register(
      async (scope) => {
        // Security headers for the console only: /widget/* must stay embeddable in customers' pages.
        await scope.register(fastifyHelmet, {
          contentSecurityPolicy: { directives: { 'upgrade-insecure-requests': null, 'frame-ancestors': ["'none'"] } },
          // Plain-http LAN installs are supported; HSTS only makes sense behind https.
          strictTransportSecurity: config.COOKIE_SECURE,
        });
        // wildcard: files are looked up per request, so a rebuild is served without a restart.
        await scope.register(fastifyStatic, {
          root: consoleDir,
          index: false,
          setHeaders: (res, path) => res.header('cache-control', path.endsWith('.html') ? 'no-cache' : 'public, max-age=31536000, immutable'),
        });
        const sendIndex = async (_request: FastifyRequest, reply: FastifyReply) =>
          reply.header('cache-control', 'no-cache').sendFile('index.html');
        scope.get('/', sendIndex);
        // Single-page app: a /console/* path that is not a file is a client-side route. A missing
        // asset (a path with an extension) stays a 404, or the browser would run index.html as a script.
        scope.setNotFoundHandler(async (request, reply) =>
          request.method === 'GET' && !/\.[a-z0-9]+$/i.test(request.url.split('?')[0]!)
            ? sendIndex(request, reply)
            : reply.code(404).send({ error: { code: 'not_found', message: 'Not found.' } }),
        );
      },
      { prefix: '/console' },
    );
  } else {
    app.get('/console', async (_r, reply) => reply.code(503).send(notBuilt('The console')));
    app.get('/console/*', async (_r, reply) => reply.code(503).send(notBuilt('The console')));
  }
};
