import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AgentSession, CreatedInvitation } from '@hearth/protocol';
import { ask, nextEvent, PASSWORD, sleep, startServer, type Harness } from './harness.ts';
import { linkIn, mailEnv, startSmtpSink, toAddressOf, type SmtpSink } from './smtp-sink.ts';

/**
 * Accounts that recover and change themselves, and the mail that carries their links, against a
 * real SMTP server (smtp-server on port 0, parsed by mailparser): "Forgot password?", changing the
 * password and the address, invitations mailed, members deactivated, and an outbox that outlives
 * a restart while SMTP is down.
 */
let h: Harness | null = null;
const sinks: SmtpSink[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await h?.close();
  h = null;
  for (const s of sinks.splice(0)) await s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const PUBLIC_URL = 'http://chat.hearth.test:8080';

async function withMail(extra: Record<string, string> = {}): Promise<{ h: Harness; sink: SmtpSink }> {
  const sink = await startSmtpSink();
  sinks.push(sink);
  h = await startServer({ env: { ...mailEnv(sink), PUBLIC_URL, ...extra } });
  return { h, sink };
}

const tokenOf = (link: string, kind: string) => {
  const match = new RegExp(`^${PUBLIC_URL.replaceAll('.', '\\.')}/console/#/${kind}/([A-Za-z0-9_-]{43})$`).exec(link);
  if (!match) throw new Error(`not a ${kind} link: ${link}`);
  return match[1]!;
};

async function loginStatus(server: Harness, email: string, password: string): Promise<number> {
  return (await server.post('/api/auth/login', { email, password })).status;
}

describe('forgot password', () => {
  it('mails a single-use link; using it sets the password, signs every session out and this browser in', async () => {
    const { h, sink } = await withMail();
    const email = h.siteA.agentEmail;
    const oldSession = await h.agent(email);
    expect((await h.request('GET', '/api/auth/options', null)).body).toEqual({ mail: true });

    const asked = await h.request('POST', '/api/auth/password-reset', null, { email: 'Agent@A.test' });
    const unknown = await h.request('POST', '/api/auth/password-reset', null, { email: 'nobody@a.test' });
    expect([asked.status, unknown.status]).toEqual([202, 202]);
    expect(unknown.body).toEqual(asked.body);
    const mail = await sink.waitFor((m) => toAddressOf(m) === email);
    expect(mail.subject).toBe('Reset your Hearth password');
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
    const link = linkIn(mail, '/reset/');
    const token = tokenOf(link, 'reset');
    expect(mail.html).toContain(`href="${link}"`);
    expect(JSON.stringify(await h.sql('select * from password_resets'))).not.toContain(token);

    expect((await h.request('POST', '/api/auth/password-reset/complete', null, { token, password: 'short' })).status).toBe(400);
    const gone = nextEvent(oldSession.socket, 'disconnect', () => true, 5000);
    const done = await h.request('POST', '/api/auth/password-reset/complete', null, { token, password: 'a brand new passphrase' });
    expect(done.status).toBe(200);
    expect((done.body as unknown as AgentSession).agent.email).toBe(email);
    expect(done.cookie).toMatch(/^hearth_session=/);
    await gone;
    expect((await h.request('GET', '/api/auth/me', oldSession.cookie)).status).toBe(401);
    expect((await h.request('GET', '/api/auth/me', done.cookie)).status).toBe(200);
    expect(await loginStatus(h, email, PASSWORD)).toBe(401);
    expect(await loginStatus(h, email, 'a brand new passphrase')).toBe(200);
    // Single use.
    expect((await h.request('POST', '/api/auth/password-reset/complete', null, { token, password: 'another passphrase' })).body.error).toMatchObject({ code: 'invalid_link' });
    const changed = await sink.waitFor((m) => toAddressOf(m) === email && m.subject === 'Your Hearth password was changed');
    expect(changed.text).toContain(`${PUBLIC_URL}/console/`);
    await sleep(200);
    expect(sink.mails.filter((m) => toAddressOf(m) === 'nobody@a.test')).toEqual([]);
  });

  it('is limited per address (answered alike) and per client address; expired links do not work', async () => {
    const { h, sink } = await withMail({ RATE_LOGIN_PER_MIN: '6' });
    for (let i = 0; i < 5; i++) expect((await h.request('POST', '/api/auth/password-reset', null, { email: h.siteB.agentEmail })).status).toBe(202);
    await sink.waitFor(() => sink.mails.length >= 3);
    await sleep(500);
    expect(sink.mails.filter((m) => toAddressOf(m) === h.siteB.agentEmail)).toHaveLength(3);
    expect((await h.request('POST', '/api/auth/password-reset', null, { email: h.siteB.agentEmail })).status).toBe(202);
    expect((await h.request('POST', '/api/auth/password-reset', null, { email: h.siteB.agentEmail })).status).toBe(429);

    const token = tokenOf(linkIn(sink.mails[0]!, '/reset/'), 'reset');
    await h.sql('update password_resets set expires_at = ?', [Date.now() - 1]);
    const late = await h.request('POST', '/api/auth/password-reset/complete', null, { token, password: 'a brand new passphrase' });
    expect(late.body.error).toMatchObject({ code: 'invalid_link' });
  });

  it('without SMTP_URL nothing is sent and the sign-in page is told to ask an owner', async () => {
    h = await startServer();
    expect((await h.request('GET', '/api/auth/options', null)).body).toEqual({ mail: false });
    const res = await h.request('POST', '/api/auth/password-reset', null, { email: h.siteA.agentEmail });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'mail_not_configured', message: expect.stringContaining('ask an owner') });
    expect(await h.sqlValue('select count(*) from password_resets')).toBe(0);
  });
});

describe('my account', () => {
  it('changing the password needs the current one and 10 characters, and signs out every other session', async () => {
    const { h, sink } = await withMail();
    const email = h.siteA.ownerEmail;
    const here = await h.login(email);
    const elsewhere = await h.agent(email);
    const put = (body: unknown) => h.request('PUT', '/api/account/password', here, body);
    expect((await put({ currentPassword: 'wrong password', newPassword: 'long enough now' })).body.error).toMatchObject({ code: 'wrong_password' });
    expect((await put({ currentPassword: PASSWORD, newPassword: 'too short' })).status).toBe(400);
    expect(await loginStatus(h, email, PASSWORD)).toBe(200);
    const gone = nextEvent(elsewhere.socket, 'disconnect', () => true, 5000);
    expect((await put({ currentPassword: PASSWORD, newPassword: 'long enough now' })).status).toBe(204);
    await gone;
    expect((await h.request('GET', '/api/auth/me', here)).status).toBe(200);
    expect((await h.request('GET', '/api/auth/me', elsewhere.cookie)).status).toBe(401);
    expect(await loginStatus(h, email, PASSWORD)).toBe(401);
    expect(await loginStatus(h, email, 'long enough now')).toBe(200);
    await sink.waitFor((m) => toAddressOf(m) === email && m.subject === 'Your Hearth password was changed');
  });

  it('changing the address mails a confirmation to the new one; confirming moves the account and tells the old one', async () => {
    const { h, sink } = await withMail();
    const cookie = await h.login(h.siteA.agentEmail);
    const ask = (body: unknown) => h.request('POST', '/api/account/email', cookie, body);
    expect((await ask({ newEmail: 'new@a.test', currentPassword: 'wrong' })).body.error).toMatchObject({ code: 'wrong_password' });
    expect((await ask({ newEmail: h.siteA.agentEmail, currentPassword: PASSWORD })).body.error).toMatchObject({ code: 'same_email' });
    expect((await ask({ newEmail: 'New@A.test', currentPassword: PASSWORD })).status).toBe(202);
    // An address with an account gets a note, never a link; the answer is the same.
    expect((await ask({ newEmail: h.siteA.ownerEmail, currentPassword: PASSWORD })).status).toBe(202);
    const taken = await sink.waitFor((m) => toAddressOf(m) === h.siteA.ownerEmail);
    expect(taken.subject).toBe('Your address was given for a Hearth account');
    expect(taken.text).not.toContain('/console/#/');

    const confirm = await sink.waitFor((m) => toAddressOf(m) === 'new@a.test');
    expect(confirm.subject).toBe('Confirm your new email address');
    const token = tokenOf(linkIn(confirm, '/confirm-email/'), 'confirm-email');
    expect((await h.request('GET', '/api/auth/me', cookie)).body).toMatchObject({ agent: { email: h.siteA.agentEmail } });
    const done = await h.request('POST', '/api/account/email/confirm', null, { token });
    expect(done).toMatchObject({ status: 200, body: { email: 'new@a.test' } });
    expect((await h.request('GET', '/api/auth/me', cookie)).body).toMatchObject({ agent: { email: 'new@a.test' } });
    expect(await loginStatus(h, 'new@a.test', PASSWORD)).toBe(200);
    expect(await loginStatus(h, h.siteA.agentEmail, PASSWORD)).toBe(401);
    const told = await sink.waitFor((m) => toAddressOf(m) === h.siteA.agentEmail);
    expect(told.text).toContain('now signs in as new@a.test');
    expect((await h.request('POST', '/api/account/email/confirm', null, { token })).body.error).toMatchObject({ code: 'invalid_link' });
  });

  it('without mail, changing the address is refused, saying why', async () => {
    h = await startServer();
    const res = await h.request('POST', '/api/account/email', await h.login(h.siteA.agentEmail), { newEmail: 'new@a.test', currentPassword: PASSWORD });
    expect(res.body.error).toMatchObject({ code: 'mail_not_configured' });
  });
});

describe('team', () => {
  it('invitations are mailed with the site’s name and an absolute link that works; the link stays copyable', async () => {
    const { h, sink } = await withMail();
    const owner = await h.login(h.siteA.ownerEmail);
    const res = await h.request('POST', `/api/sites/${h.siteA.siteId}/invitations`, owner, { email: 'Newbie@Team.test', role: 'agent' });
    expect(res.status).toBe(201);
    const created = res.body as unknown as CreatedInvitation;
    expect(created.mailed).toBe(true);
    const mail = await sink.waitFor((m) => toAddressOf(m) === 'newbie@team.test');
    expect(mail.subject).toBe('Owner A invited you to Site a on Hearth');
    const link = linkIn(mail, '/invite/');
    expect(link).toBe(`${PUBLIC_URL}${created.link}`);
    const token = link.split('/invite/')[1]!;
    const accepted = await h.request('POST', `/api/invitations/${token}/accept`, null, { name: 'Newbie', password: 'newbie password' });
    expect(accepted.status).toBe(200);
    expect((accepted.body as unknown as AgentSession).sites.map((s) => s.id)).toEqual([h.siteA.siteId]);
    const mailPage = await h.request('GET', '/api/mail', owner);
    expect(mailPage.body).toMatchObject({ configured: true, mails: expect.arrayContaining([expect.objectContaining({ kind: 'invitation', to: 'newbie@team.test', status: 'sent' })]) });
  });

  it('without mail an invitation is still made, its link to copy', async () => {
    h = await startServer();
    const res = await h.request('POST', `/api/sites/${h.siteA.siteId}/invitations`, await h.login(h.siteA.ownerEmail), { email: 'x@team.test', role: 'agent' });
    expect(res.body).toMatchObject({ mailed: false, link: expect.stringMatching(/^\/console\/#\/invite\//) });
  });

  it('an owner deactivates a member: sessions and sockets closed, open chats back to the queue, no sign-in; reactivation restores it', async () => {
    h = await startServer();
    const owner = await h.login(h.siteA.ownerEmail);
    const agent = await h.agent(h.siteA.agentEmail);
    const v = await h.visitor(h.siteA.siteKey);
    const sent = await ask(v.socket, 'message:send', { clientId: crypto.randomUUID(), body: 'help please' });
    if (!sent.ok) throw new Error('send failed');
    const id = sent.data.conversation.id;
    for (let i = 0; i < 100 && !(await h.sqlValue('select assigned_agent_id from conversations where id = ?', [id])); i++) await sleep(20);
    const agentId = await h.sqlValue<string>('select id from agents where email = ?', [h.siteA.agentEmail]);
    expect(await h.sqlValue('select assigned_agent_id from conversations where id = ?', [id])).toBe(agentId);

    const path = `/api/sites/${h.siteA.siteId}/team`;
    expect((await h.request('POST', `${path}/${agentId}/deactivate`, await h.login(h.siteA.agentEmail), {})).status).toBe(403);
    const gone = nextEvent(agent.socket, 'disconnect', () => true, 5000);
    expect((await h.request('POST', `${path}/${agentId}/deactivate`, owner, {})).status).toBe(204);
    await gone;
    expect((await h.request('GET', '/api/auth/me', agent.cookie)).status).toBe(401);
    expect((await h.post('/api/auth/login', { email: h.siteA.agentEmail, password: PASSWORD })).body).toMatchObject({ error: { code: 'account_deactivated' } });
    for (let i = 0; i < 100 && (await h.sqlValue('select assigned_agent_id from conversations where id = ?', [id])); i++) await sleep(20);
    expect(await h.sqlValue('select assigned_agent_id from conversations where id = ?', [id])).toBeNull();
    expect(await h.sqlValue("select count(*) from conversation_events where conversation_id = ? and type = 'conversation.requeued'", [id])).toBe(1);
    expect((await h.request('GET', `${path}/deactivated`, owner)).body).toMatchObject({ members: [{ agentId, email: h.siteA.agentEmail, role: 'agent' }] });
    expect(((await h.request('GET', path, owner)).body.members as Array<{ agentId: string }>).map((m) => m.agentId)).not.toContain(agentId);

    // The last owner can be neither deactivated nor removed.
    const ownerId = await h.sqlValue<string>('select id from agents where email = ?', [h.siteA.ownerEmail]);
    expect((await h.request('POST', `${path}/${ownerId}/deactivate`, owner, {})).body.error).toMatchObject({ code: 'last_owner' });
    expect((await h.request('DELETE', `${path}/${ownerId}`, owner)).body.error).toMatchObject({ code: 'last_owner' });
    expect((await h.request('POST', `${path}/${ownerId}/reactivate`, owner, {})).status).toBe(404);

    expect((await h.request('POST', `${path}/${agentId}/reactivate`, owner, {})).status).toBe(204);
    expect(await loginStatus(h, h.siteA.agentEmail, PASSWORD)).toBe(200);
    expect((await h.request('GET', `${path}/deactivated`, owner)).body).toEqual({ members: [] });
  });
});

describe('the outbox across a restart', () => {
  it('a reset mail written while SMTP is down survives a restart and is delivered once when SMTP is back', async () => {
    const probe = await startSmtpSink();
    const port = probe.port;
    await probe.close();
    const dir = mkdtempSync(join(tmpdir(), 'hearth-outbox-'));
    dirs.push(dir);
    const databaseFile = join(dir, 'hearth.db');
    const env = { ...mailEnv({ url: `smtp://127.0.0.1:${port}` }), PUBLIC_URL };
    h = await startServer({ databaseFile, env });
    expect((await h.request('POST', '/api/auth/password-reset', null, { email: h.siteA.ownerEmail })).status).toBe(202);
    for (let i = 0; i < 200 && (await h.sqlValue<string>("select status from mail_outbox where kind = 'password-reset'")) !== 'retrying'; i++) await sleep(25);
    expect(await h.sqlValue("select status from mail_outbox where kind = 'password-reset'")).toBe('retrying');
    await h.close();
    h = null;

    const sink = await startSmtpSink(port);
    sinks.push(sink);
    h = await startServer({ databaseFile, env });
    const mail = await sink.waitFor((m) => toAddressOf(m) === h!.siteA.ownerEmail, 20_000);
    expect(mail.subject).toBe('Reset your Hearth password');
    for (let i = 0; i < 200 && (await h.sqlValue<string>("select status from mail_outbox where kind = 'password-reset'")) !== 'sent'; i++) await sleep(25);
    await sleep(1500);
    expect(sink.mails.filter((m) => m.subject === 'Reset your Hearth password')).toHaveLength(1);
    // The link in it works after the restart.
    const token = tokenOf(linkIn(mail, '/reset/'), 'reset');
    expect((await h.request('POST', '/api/auth/password-reset/complete', null, { token, password: 'after the outage' })).status).toBe(200);
  }, 60_000);
});
