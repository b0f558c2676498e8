import fp from 'fastify-plugin';

/** A readiness check: resolves when its dependency answers, rejects (or times out) when it does not. */
export type ReadinessCheck = () => Promise<void>;

export interface Readiness {
  /**
   * Adds a dependency `/readyz` must see answering. The database (store.ping: it answers and its
   * migrations are applied) is built in; cluster mode adds Redis here:
   *
   * @example
   * app.readiness.add('redis', async () => { if ((await redis.ping()) !== 'PONG') throw new Error('no PONG'); });
   */
  add(name: string, check: ReadinessCheck): void;
}

declare module 'fastify' {
  interface FastifyInstance {
    readiness: Readiness;
  }
}

/** A check that has not answered within this long counts as failed (a hung dependency is not ready). */
const CHECK_TIMEOUT_MS = 2_000;

/**
 * `GET /healthz`: the process is up and its event loop turns (for a restart-on-failure probe).
 * `GET /readyz`: this node can serve: every readiness check passes and it is not draining for a
 * shutdown (for a balancer's health check: HAProxy `option httpchk GET /readyz`). 503 otherwise, with
 * the failing checks named, never their error details (the endpoint is public).
 */
export default fp(
  async (app) => {
    const checks = new Map<string, ReadinessCheck>([['database', () => app.store.ping()]]);
    app.decorate('readiness', {
      add(name, check) {
        if (checks.has(name)) throw new Error(`readiness check ${name} is registered twice`);
        checks.set(name, check);
      },
    } satisfies Readiness);

    app.get('/healthz', async (_request, reply) => reply.header('cache-control', 'no-store').send({ status: 'ok' }));

    app.get('/readyz', async (request, reply) => {
      void reply.header('cache-control', 'no-store');
      if (app.lifecycle.draining) return reply.code(503).send({ status: 'draining', checks: {} });
      const results: Record<string, 'ok' | 'failed'> = {};
      await Promise.all(
        [...checks].map(async ([name, check]) => {
          try {
            await withTimeout(check(), CHECK_TIMEOUT_MS);
            results[name] = 'ok';
          } catch (err) {
            results[name] = 'failed';
            request.log.error({ err, check: name }, 'readiness check failed');
          }
        }),
      );
      const ready = Object.values(results).every((r) => r === 'ok');
      return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not_ready', checks: results });
    });
  },
  { name: 'health', dependencies: ['store', 'lifecycle'] },
);

function withTimeout(promise: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<void>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
