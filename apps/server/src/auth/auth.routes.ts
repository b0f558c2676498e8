import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { eq } from 'drizzle-orm';
import { schema } from '@hearth/db';
import { LoginRequestSchema, type AgentSession } from '@hearth/protocol';
import type { Config } from '../config.ts';
import { rooms } from '../plugins/io.ts';
import { dummyPasswordHash, verifyPassword } from './password.ts';
import { agentForSession, agentSites, createSession, deleteSession, SESSION_COOKIE } from './sessions.ts';
import { setSessionCookie } from './session-cookie.ts';

/** Login, logout and "who am I" for the console. */
export const authRoutes: FastifyPluginAsyncZod<{ config: Config }> = async (app, { config }) => {
  const { db } = app.sqlite;

  app.post(
    '/api/auth/login',
    // Password guessing: a few tries per minute per IP (CVE-2022-3741 was Chatwoot without this).
    { schema: { body: LoginRequestSchema }, config: { rateLimit: { max: config.RATE_LOGIN_PER_MIN, timeWindow: '1 minute' } } }, async (request, reply) => {
    const { email, password } = request.body;
    const agent = db.select().from(schema.agents).where(eq(schema.agents.email, email)).get();
    // Hash even for an unknown email, so response time does not reveal which emails exist.
    const valid = await verifyPassword(password, agent?.passwordHash ?? (await dummyPasswordHash()));
    if (!agent || !valid) {
      return reply.code(401).send({ error: { code: 'invalid_credentials', message: 'Email or password is incorrect.' } });
    }
    const { token } = createSession(db, agent.id, Date.now());
    setSessionCookie(reply, token, config);
    const session: AgentSession = {
      agent: { id: agent.id, email: agent.email, name: agent.name },
      sites: agentSites(db, agent.id),
    };
    return session;
  });

  app.post('/api/auth/logout', async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const tokenHash = deleteSession(db, token);
      // A logged-out console must not keep a live socket.
      app.agentNsp.in(rooms.agentSession(tokenHash)).disconnectSockets(true);
    }
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send();
  });

  app.get('/api/auth/me', async (request, reply) => {
    const agent = agentForSession(db, request.cookies[SESSION_COOKIE], Date.now());
    if (!agent) return reply.code(401).send({ error: { code: 'unauthorized', message: 'Please sign in.' } });
    const session: AgentSession = {
      agent: { id: agent.agentId, email: agent.email, name: agent.name },
      sites: agentSites(db, agent.agentId),
    };
    return session;
  });
};
