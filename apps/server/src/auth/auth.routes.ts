import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { LoginRequestSchema, type AgentSession } from '@hearth/protocol';
import type { Config } from '../config.ts';
import { rooms } from '../plugins/io.ts';
import { dummyPasswordHash, verifyPassword } from './password.ts';
import { agentOfSession, hashSessionToken, newSessionToken, SESSION_COOKIE, SESSION_TTL_MS } from './sessions.ts';
import { setSessionCookie } from './session-cookie.ts';
import './auth.store.ts';

/** Login, logout and "who am I" for the console. */
export const authRoutes: FastifyPluginAsyncZod<{ config: Config }> = async (app, { config }) => {
  const { store } = app;

  app.post(
    '/api/auth/login',
    // Password guessing: a few tries per minute per IP (CVE-2022-3741 was Chatwoot without this).
    { schema: { body: LoginRequestSchema }, config: { rateLimit: { max: config.RATE_LOGIN_PER_MIN, timeWindow: '1 minute' } } }, async (request, reply) => {
    const { email, password } = request.body;
    const agent = await store.read.auth.agentByEmail(email);
    // Hash even for an unknown email, so response time does not reveal which emails exist.
    const valid = await verifyPassword(password, agent?.passwordHash ?? (await dummyPasswordHash()));
    if (!agent || !valid) {
      return reply.code(401).send({ error: { code: 'invalid_credentials', message: 'Email or password is incorrect.' } });
    }
    // Told only after the right password: it says nothing to someone guessing.
    if (await store.read.accounts.isLockedOut(agent.id)) {
      return reply.code(403).send({ error: { code: 'account_deactivated', message: 'This account was deactivated. Ask an owner of your site to reactivate it.' } });
    }
    const { token, tokenHash } = newSessionToken();
    const now = Date.now();
    await store.unit((tx) => tx.auth.createSession({ tokenHash, agentId: agent.id, createdAt: now, expiresAt: now + SESSION_TTL_MS }));
    setSessionCookie(reply, token, config);
    const session: AgentSession = {
      agent: { id: agent.id, email: agent.email, name: agent.name },
      sites: await store.read.auth.agentSites(agent.id),
    };
    return session;
  });

  app.post('/api/auth/logout', async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const tokenHash = hashSessionToken(token);
      await store.unit((tx) => tx.auth.deleteSession(tokenHash));
      // A logged-out console must not keep a live socket.
      app.agentNsp.in(rooms.agentSession(tokenHash)).disconnectSockets(true);
    }
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send();
  });

  app.get('/api/auth/me', async (request, reply) => {
    const agent = await agentOfSession(store.read.auth, request.cookies[SESSION_COOKIE], Date.now());
    if (!agent) return reply.code(401).send({ error: { code: 'unauthorized', message: 'Please sign in.' } });
    const session: AgentSession = {
      agent: { id: agent.agentId, email: agent.email, name: agent.name },
      sites: await store.read.auth.agentSites(agent.agentId),
    };
    return session;
  });
};
