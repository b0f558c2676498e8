import fp from 'fastify-plugin';
import { Router } from './router.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Assignment, queue, accept timeouts and presence: see routing/router.ts. */
    conversationRouter: Router;
  }
}

export default fp(
  async (app) => {
    const router = new Router(app);
    app.decorate('conversationRouter', router);
    app.addHook('onReady', async () => router.resume());
    // Before the group-commit and db plugins close: no timer may fire into a closed store.
    app.addHook('preClose', async () => router.close());
  },
  { name: 'routing', dependencies: ['db', 'group-commit', 'io'] },
);
