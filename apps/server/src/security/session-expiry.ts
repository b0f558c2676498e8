import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { schema } from '@hearth/db';
import { SESSION_COOKIE, hashSessionToken } from '../auth/sessions.ts';

/** setTimeout holds at most ~24.8 days; a 30-day session is re-checked once a day until its end. */
const MAX_TIMER_MS = 24 * 60 * 60 * 1000;

/**
 * Closes an agent socket when its login session ends by time, as logout already does by hand:
 * a console left open must not keep receiving a site's chats after its session has expired.
 */
export function closeAgentSocketsOnExpiry(app: FastifyInstance): void {
  const { db } = app.sqlite;
  const expiryOf = (tokenHash: string) =>
    db.select({ expiresAt: schema.agentSessions.expiresAt }).from(schema.agentSessions).where(eq(schema.agentSessions.tokenHash, tokenHash)).get()
      ?.expiresAt ?? 0;

  app.agentNsp.on('connection', (socket) => {
    const token = app.parseCookie(socket.handshake.headers.cookie ?? '')[SESSION_COOKIE];
    if (!token) return;
    const tokenHash = hashSessionToken(token);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      const left = expiryOf(tokenHash) - Date.now();
      if (left <= 0) {
        socket.disconnect(true);
        return;
      }
      timer = setTimeout(check, Math.min(left, MAX_TIMER_MS));
      timer.unref?.();
    };
    check();
    socket.on('disconnect', () => clearTimeout(timer));
  });
}
