import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { InvitationAcceptSchema, InvitationTokenSchema, type AgentSession } from '@hearth/protocol';
import type { Config } from '../config.ts';
import { HttpError } from '../auth/request-auth.ts';
import { hashPassword } from '../auth/password.ts';
import { agentOfSession, newSessionToken, SESSION_COOKIE, SESSION_TTL_MS } from '../auth/sessions.ts';
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
  const { store } = app;
  const limit = { rateLimit: { max: config.RATE_LOGIN_PER_MIN, timeWindow: '1 minute' } };

  app.get('/api/invitations/:inviteToken', { schema: { params: TokenParams }, config: limit }, async (request, reply) => {
    void reply.header('cache-control', 'no-store');
    return previewInvitation(store.read, request.params.inviteToken, Date.now());
  });

  app.post('/api/invitations/:inviteToken/accept', { schema: { params: TokenParams, body: InvitationAcceptSchema }, config: limit }, async (request, reply) => {
    const signedIn = await agentOfSession(store.read.auth, request.cookies[SESSION_COOKIE], Date.now());
    const { name, password } = request.body;
    if ((name === undefined) !== (password === undefined)) throw new HttpError(400, 'invalid_payload', 'Send both a display name and a password, or neither.');
    const newAccount = name !== undefined && password !== undefined ? { name, passwordHash: await hashPassword(password) } : null;
    const session = newSessionToken();
    const accepted = await store.unit(async (tx) => {
      const now = Date.now();
      const result = await acceptInvitation(tx, { token: request.params.inviteToken, signedIn, newAccount }, now);
      await tx.auth.createSession({ tokenHash: session.tokenHash, agentId: result.agentId, createdAt: now, expiresAt: now + SESSION_TTL_MS });
      return result;
    });
    // An already-open console of this agent joined its sites' rooms at connect: reconnect it.
    app.agentNsp.in(rooms.agent(accepted.agentId)).disconnectSockets(true);
    setSessionCookie(reply, session.token, config);
    const agent = await store.read.team.profile(accepted.agentId);
    const answer: AgentSession = {
      agent: { id: accepted.agentId, email: agent?.email ?? '', name: agent?.name ?? '' },
      sites: await store.read.auth.agentSites(accepted.agentId),
    };
    return answer;
  });
};
