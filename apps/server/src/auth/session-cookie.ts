import type { FastifyReply } from 'fastify';
import type { Config } from '../config.ts';
import { SESSION_COOKIE, SESSION_TTL_MS } from './sessions.ts';

/** The console's session cookie: httpOnly (scripts never see it), SameSite=Strict (no CSRF). */
export function setSessionCookie(reply: FastifyReply, token: string, config: Pick<Config, 'COOKIE_SECURE'>): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: config.COOKIE_SECURE,
    path: '/',
    maxAge: SESSION_TTL_MS / 1000,
  });
}
