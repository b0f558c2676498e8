import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { schema } from '@hearth/db';
import { InvitationAcceptSchema, InvitationTokenSchema, type AgentSession } from '@hearth/protocol';
import type { Config } from '../config.ts';
import { HttpError } from '../auth/request-auth.ts';
import { hashPassword } from '../auth/password.ts';
import { agentForSession, agentSites, createSession, SESSION_COOKIE } from '../auth/sessions.ts';
import { setSessionCookie } from '../auth/session-cookie.ts';
import { rooms } from '../plugins/io.ts';
import { acceptInvitation, previewInvitation } from './invitations.ts';

const TokenParams = z.strictObject({ inviteToken: InvitationTokenSchema });

/**
 * The invitee's side of an invitation link: what it is for, and accepting it (a new account, or
 * the signed-in account with the invited email). Acceptance is rate-limited like login: a token
 * is 32 random bytes, but a limit keeps guessing pointless and cheap to serve.
 */
export const invitationRoutes: FastifyPluginAsyncZod<{ config: Config }> = async (app, { config }) => {
  const { db } = app.sqlite;
  const limit = { rateLimit: { max: config.RATE_LOGIN_PER_MIN, timeWindow: '1 minute' } };

  app.get('/api/invitations/:inviteToken', { schema: { params: TokenParams }, config: limit }, async (request, reply) => {
    void reply.header('cache-control', 'no-store');
    return previewInvitation(db, request.params.inviteToken, Date.now());
  });

  app.post('/api/invitations/:inviteToken/accept', { schema: { params: TokenParams, body: InvitationAcceptSchema }, config: limit }, async (request, reply) => {
    const signedIn = agentForSession(db, request.cookies[SESSION_COOKIE], Date.now());
    const { name, password } = request.body;
    if ((name === undefined) !== (password === undefined)) throw new HttpError(400, 'invalid_payload', 'Send both a display name and a password, or neither.');
    const newAccount = name !== undefined && password !== undefined ? { name, passwordHash: await hashPassword(password) } : null;
    const accepted = await app.commits.run(() => {
      const result = acceptInvitation(db, { token: request.params.inviteToken, signedIn, newAccount }, Date.now());
      return { ...result, session: createSession(db, result.agentId, Date.now()) };
    });
    // An already-open console of this agent joined its sites' rooms at connect: reconnect it.
    app.agentNsp.in(rooms.agent(accepted.agentId)).disconnectSockets(true);
    setSessionCookie(reply, accepted.session.token, config);
    const agent = db.select({ id: schema.agents.id, email: schema.agents.email, name: schema.agents.name }).from(schema.agents).where(eq(schema.agents.id, accepted.agentId)).get();
    const session: AgentSession = { agent: agent!, sites: agentSites(db, accepted.agentId) };
    return session;
  });
};
