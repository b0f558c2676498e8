import fp from 'fastify-plugin';
import { closeIdleConversations } from './close-conversation.ts';
import { broadcastConversation } from '../conversations/broadcast.ts';

/** How often this process looks for idle conversations. Timeouts are minutes, so this is plenty. */
const SWEEP_EVERY_MS = 30_000;

/**
 * The inactivity sweep: one interval per process. Several processes may sweep the same database;
 * the conditional UPDATE in closeIdleConversations makes each conversation close exactly once.
 */
export default fp(
  async (app) => {
    let running = false;
    const sweep = async (): Promise<void> => {
      if (running) return;
      running = true;
      try {
        const closed = await app.commits.run(() => closeIdleConversations(app.sqlite.db, Date.now()));
        for (const c of closed) broadcastConversation(app, c.id);
        // Closed chats free slots: waiting visitors get them now.
        for (const siteId of new Set(closed.map((c) => c.siteId))) await app.conversationRouter.drain(siteId);
      } catch (error) {
        app.log.error({ err: error }, 'inactivity sweep failed');
      } finally {
        running = false;
      }
    };
    const timer = setInterval(() => void sweep(), SWEEP_EVERY_MS);
    timer.unref();
    app.decorate('sweepIdleConversations', sweep);
    app.addHook('onClose', async () => clearInterval(timer));
  },
  { name: 'closing', dependencies: ['store', 'io', 'routing'] },
);

declare module 'fastify' {
  interface FastifyInstance {
    /** Runs the inactivity sweep now (the interval runs it every 30 s). */
    sweepIdleConversations(): Promise<void>;
  }
}
