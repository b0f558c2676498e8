import fp from 'fastify-plugin';
import type { Config } from '../config.ts';
import { JobScheduler } from './scheduler.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Due work as rows: features register handlers (`jobs.handle`) and wake it after scheduling. */
    jobs: JobScheduler;
  }
}

export default fp<{ config: Config }>(
  async (app, { config }) => {
    const scheduler = new JobScheduler(app.store, app.log, config.JOBS_POLL_MS);
    app.decorate('jobs', scheduler);
    // Features register their kinds while the app is built; the first pass runs once all have.
    app.addHook('onReady', async () => scheduler.start());
    // Before the store closes: a running job finishes (or fails into a retry) first.
    app.addHook('preClose', async () => scheduler.close());
  },
  { name: 'jobs', dependencies: ['store'] },
);
