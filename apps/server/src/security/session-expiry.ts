import type { FastifyInstance } from 'fastify';
import { SESSION_COOKIE, hashSessionToken } from '../auth/sessions.ts';

/** setTimeout holds at most ~24.8 days; a 30-day session is re-checked once a day until its end. */
const MAX_TIMER_MS = 24 * 60 * 60 * 1000;

/**
 * Closes an agent socket when its login session ends by time, as logout already does by hand:
 * a console left open must not keep receiving a site's chats after its session has expired.
 */
export function closeAgentSocketsOnExpiry(app: FastifyInstance): void {
  const expiryOf = async (tokenHash: string) => (await app.store.read.auth.sessionExpiry(tokenHash)) ?? 0;

  app.agentNsp.on('connection', (socket) => {
    const token = app.parseCookie(socket.handshake.headers.cookie ?? '')[SESSION_COOKIE];
    if (!token) return;
    const tokenHash = hashSessionToken(token);
    let timer: ReturnType<typeof setTimeout> | undefined;
    let gone = false;
    const check = async () => {
      const left = (await expiryOf(tokenHash)) - Date.now();
      if (gone) return;
      if (left <= 0) {
        socket.disconnect(true);
        return;
      }
      timer = setTimeout(() => void check().catch(failed), Math.min(left, MAX_TIMER_MS));
      timer.unref?.();
    };
    // A failed read leaves the socket as it is; the next login check (reconnect, logout) still applies.
    const failed = (err: unknown) => app.log.error({ err }, 'session expiry check failed');
    void check().catch(failed);
    socket.on('disconnect', () => {
      gone = true;
      clearTimeout(timer);
    });
  });
}
