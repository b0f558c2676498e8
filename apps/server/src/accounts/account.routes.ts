import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  EmailChangeSchema,
  EmailConfirmSchema,
  PasswordChangeSchema,
  PasswordResetCompleteSchema,
  PasswordResetRequestSchema,
  type AgentSession,
  type AuthOptions,
} from '@hearth/protocol';
import type { Config } from '../config.ts';
import { authenticate, HttpError } from '../auth/request-auth.ts';
import { hashPassword, verifyPassword } from '../auth/password.ts';
import { newSessionToken, SESSION_TTL_MS } from '../auth/sessions.ts';
import { setSessionCookie } from '../auth/session-cookie.ts';
import { rooms } from '../plugins/io.ts';
import { completePasswordReset, confirmEmailChange, replacePassword, requestEmailChange, requestPasswordReset } from './account-links.ts';

/**
 * An account changing and recovering itself (issue 13): its password (the current one required),
 * "Forgot password?" links, and its email address (confirmed from the new address). Links are
 * 32 random bytes of which only the SHA-256 is stored; every mail goes through the outbox in the
 * unit that makes the link.
 */
export const accountRoutes: FastifyPluginAsyncZod<{ config: Config }> = async (app, { config }) => {
  const { store } = app;
  /** Per client address, like sign-in: these routes send mail or take a token to check. */
  const limit = { rateLimit: { max: config.RATE_LOGIN_PER_MIN, timeWindow: '1 minute' } };
  const mailRequired = () => {
    if (!app.mail.configured) {
      throw new HttpError(409, 'mail_not_configured', 'Hearth cannot send mail here (SMTP_URL is not set): ask an owner of your site or whoever runs Hearth.');
    }
  };
  const closeSessions = (tokenHashes: readonly string[]) => {
    for (const hash of tokenHashes) app.agentNsp.in(rooms.agentSession(hash)).disconnectSockets(true);
  };
  const currentAccount = async (agentId: AgentSession['agent']['id'], password: string) => {
    const account = await store.read.accounts.byId(agentId);
    if (!account) throw new HttpError(401, 'unauthorized', 'Please sign in.');
    if (!(await verifyPassword(password, account.passwordHash))) throw new HttpError(403, 'wrong_password', 'Your current password is not correct.');
    return account;
  };

  app.get('/api/auth/options', async (_request, reply) => {
    const options: AuthOptions = { mail: app.mail.configured };
    return reply.header('cache-control', 'no-store').send(options);
  });

  app.put('/api/account/password', { schema: { body: PasswordChangeSchema }, config: limit }, async (request, reply) => {
    const me = await authenticate(store, request);
    const account = await currentAccount(me.agentId, request.body.currentPassword);
    const passwordHash = await hashPassword(request.body.newPassword);
    const ended = await store.unit((tx) => replacePassword(tx, { mail: app.mail, now: Date.now() }, account, passwordHash, me.tokenHash));
    closeSessions(ended);
    return reply.code(204).send();
  });

  // The same 202 whether the address has an account or not, over its limit or not.
  app.post('/api/auth/password-reset', { schema: { body: PasswordResetRequestSchema }, config: limit }, async (request, reply) => {
    mailRequired();
    await store.unit((tx) => requestPasswordReset(tx, { mail: app.mail, now: Date.now() }, request.body.email));
    return reply.code(202).send({ ok: true });
  });

  app.post('/api/auth/password-reset/complete', { schema: { body: PasswordResetCompleteSchema }, config: limit }, async (request, reply) => {
    const passwordHash = await hashPassword(request.body.password);
    const session = newSessionToken();
    const { agentId, ended } = await store.unit(async (tx) => {
      const now = Date.now();
      const done = await completePasswordReset(tx, { mail: app.mail, now }, request.body.token, passwordHash);
      // Signed in on this browser: the one new session after every old one ended.
      await tx.auth.createSession({ tokenHash: session.tokenHash, agentId: done.agentId, createdAt: now, expiresAt: now + SESSION_TTL_MS });
      return done;
    });
    closeSessions(ended);
    if (await store.read.accounts.isLockedOut(agentId)) {
      // The new password is set, but a deactivated account does not get a session.
      await store.unit((tx) => tx.auth.deleteSession(session.tokenHash));
      throw new HttpError(403, 'account_deactivated', 'Your password was changed, but this account is deactivated: ask an owner of your site.');
    }
    setSessionCookie(reply, session.token, config);
    const account = await store.read.accounts.byId(agentId);
    const answer: AgentSession = {
      agent: { id: agentId, email: account?.email ?? '', name: account?.name ?? '' },
      sites: await store.read.auth.agentSites(agentId),
    };
    return reply.header('cache-control', 'no-store').send(answer);
  });

  app.post('/api/account/email', { schema: { body: EmailChangeSchema }, config: limit }, async (request, reply) => {
    const me = await authenticate(store, request);
    mailRequired();
    const account = await currentAccount(me.agentId, request.body.currentPassword);
    await store.unit((tx) => requestEmailChange(tx, { mail: app.mail, now: Date.now() }, account, request.body.newEmail));
    return reply.code(202).send({ ok: true });
  });

  app.post('/api/account/email/confirm', { schema: { body: EmailConfirmSchema }, config: limit }, async (request) => {
    const outcome = await store.unit((tx) => confirmEmailChange(tx, { mail: app.mail, now: Date.now() }, request.body.token));
    if (outcome.kind === 'taken') throw new HttpError(409, 'email_taken', `${outcome.email} has its own account by now: nothing was changed.`);
    return { email: outcome.email };
  });
};
