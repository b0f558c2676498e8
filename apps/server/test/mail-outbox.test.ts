import { afterEach, describe, expect, it } from 'vitest';
import type { MailOutboxView, SiteId } from '@hearth/protocol';
import { startServer, sleep, type Harness } from './harness.ts';
import { mailEnv, startSmtpSink, toAddressOf, type SmtpSink } from './smtp-sink.ts';
import { invitationMail, passwordChangedMail } from '../src/mail/templates/account-mails.ts';
import type { MailDraft } from '../src/mail/mail.plugin.ts';
import type { OutboxMail } from '../src/mail/mail.store.ts';

/**
 * The durable mail outbox against a real SMTP server (smtp-server on port 0, parsed with
 * mailparser): sent once with its Message-ID, kept through an outage and delivered once when the
 * server is back, failed with the server's answer on a 5xx, retried on a 4xx.
 */
let h: Harness | null = null;
const sinks: SmtpSink[] = [];
afterEach(async () => {
  await h?.close();
  h = null;
  for (const s of sinks.splice(0)) await s.close();
});

async function sink(port = 0): Promise<SmtpSink> {
  const s = await startSmtpSink(port);
  sinks.push(s);
  return s;
}

/** A port where nothing listens: a sink that was started and closed again. */
async function downPort(): Promise<number> {
  const s = await startSmtpSink();
  await s.close();
  return s.port;
}

const draft = (to: string, extra: Partial<MailDraft> = {}): MailDraft => ({
  kind: 'password-changed',
  to,
  mail: passwordChangedMail('de', { name: 'Ann', email: to, consoleUrl: 'http://127.0.0.1/console/' }),
  ...extra,
});

async function queue(server: Harness, d: MailDraft) {
  return server.app.store.unit((tx) => server.app.mail.queue(tx, d, Date.now()));
}

async function until(check: () => Promise<boolean> | boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await sleep(20);
  }
}

const row = (server: Harness, id: string) => server.app.store.read.mail.find(id) as Promise<OutboxMail>;

describe('mail outbox', () => {
  it('sends a queued mail once, as text and HTML with its Message-ID, then keeps only its status', async () => {
    const s = await sink();
    h = await startServer({ env: mailEnv(s) });
    const queued = await queue(h, draft('ann@example.test'));
    expect(queued?.messageId).toMatch(/^<[0-9a-f-]{36}@mail\.test>$/);
    const mail = await s.waitFor((m) => toAddressOf(m) === 'ann@example.test');
    expect(mail.subject).toBe('Ihr Hearth-Passwort wurde geändert');
    expect(mail.messageId).toBe(queued!.messageId);
    expect(mail.from?.value[0]).toMatchObject({ name: 'Hearth', address: 'hearth@mail.test' });
    expect(mail.headers.get('auto-submitted')).toBeUndefined();
    expect(mail.text).toContain('Das Passwort des Hearth-Kontos ann@example.test wurde soeben geändert');
    expect(mail.html).toContain('<html lang="de">');
    expect(mail.html).toContain('http://127.0.0.1/console/');
    await until(async () => (await row(h!, queued!.id)).status === 'sent');
    const sent = await row(h, queued!.id);
    expect(sent).toMatchObject({ status: 'sent', attempts: 1, text: null, html: null });
    expect(sent.lastResponse).toMatch(/^250/);
    await sleep(300);
    expect(s.mails.filter((m) => m.messageId === queued!.messageId)).toHaveLength(1);
  });

  it('an SMTP outage delays mail: retrying with the connection error, then delivered once when the server is back', async () => {
    const port = await downPort();
    h = await startServer({ env: mailEnv({ url: `smtp://127.0.0.1:${port}` }) });
    const queued = await queue(h, draft('bob@example.test', { headers: { autoSubmitted: true } }));
    await until(async () => (await row(h!, queued!.id)).status === 'retrying');
    const waiting = await row(h, queued!.id);
    expect(waiting.lastResponse).toMatch(/ECONNREFUSED|ECONNECTION/);
    expect(waiting.text).not.toBeNull();
    const s = await sink(port);
    const mail = await s.waitFor((m) => m.messageId === queued!.messageId, 15_000);
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
    await until(async () => (await row(h!, queued!.id)).status === 'sent');
    expect((await row(h, queued!.id)).attempts).toBeGreaterThanOrEqual(2);
    await sleep(1500);
    expect(s.mails.filter((m) => m.messageId === queued!.messageId)).toHaveLength(1);
    expect(await h.app.store.read.mail.backlog()).toBe(0);
  });

  it('a 5xx is final: failed with the server answer, and the kind’s failure hook runs; a 4xx is retried', async () => {
    const s = await sink();
    s.refuse('gone@example.test', 550, '5.1.1 No such user here');
    s.refuse('busy@example.test', 451, '4.3.2 Try again later');
    h = await startServer({ env: mailEnv(s) });
    const hooked: Array<{ to: string; recipientRejected: boolean; response: string }> = [];
    h.app.mail.onFailed('password-changed', async (_tx, mail, failure) => {
      hooked.push({ to: mail.to, recipientRejected: failure.recipientRejected, response: failure.response });
    });
    const gone = await queue(h, draft('gone@example.test'));
    const busy = await queue(h, draft('busy@example.test'));
    await until(async () => (await row(h!, gone!.id)).status === 'failed');
    expect((await row(h, gone!.id)).lastResponse).toMatch(/^550 .*No such user here/);
    expect(hooked).toEqual([{ to: 'gone@example.test', recipientRejected: true, response: expect.stringMatching(/^550/) }]);
    await until(async () => (await row(h!, busy!.id)).status === 'retrying' && (await row(h!, busy!.id)).attempts >= 2);
    expect((await row(h, busy!.id)).lastResponse).toMatch(/^451/);
    expect(s.mails).toHaveLength(0);
  });

  it('owners see their sites’ mail and their team’s account mail, and may try a failed one again; others may not', async () => {
    const s = await sink();
    s.refuse('invitee@example.test', 550, 'No such user');
    h = await startServer({ env: mailEnv(s) });
    const siteA = h.siteA.siteId as SiteId;
    const invite = await queue(h, {
      kind: 'invitation',
      to: 'invitee@example.test',
      siteId: siteA,
      mail: invitationMail('en', { name: 'Site a', brandColor: '#0e7490' }, { inviter: 'Owner A', role: 'agent', link: 'http://x.test/' }),
    });
    await until(async () => (await row(h!, invite!.id)).status === 'failed');
    const owner = await h.login(h.siteA.ownerEmail);
    const page = await h.request('GET', '/api/mail', owner);
    const view = page.body as unknown as MailOutboxView;
    expect(view.configured).toBe(true);
    expect(view.mails).toEqual([expect.objectContaining({ id: invite!.id, kind: 'invitation', status: 'failed', to: 'invitee@example.test', lastResponse: expect.stringMatching(/^550/) })]);
    expect(JSON.stringify(view)).not.toContain('http://x.test/');
    expect((await h.request('GET', '/api/mail', await h.login(h.siteA.agentEmail))).status).toBe(403);
    const otherOwner = await h.login(h.siteB.ownerEmail);
    expect(((await h.request('GET', '/api/mail', otherOwner)).body as unknown as MailOutboxView).mails).toEqual([]);
    expect((await h.request('POST', `/api/mail/${invite!.id}/retry`, otherOwner, {})).status).toBe(404);

    s.allow('invitee@example.test');
    expect((await h.request('POST', `/api/mail/${invite!.id}/retry`, owner, {})).status).toBe(202);
    await s.waitFor((m) => m.messageId === invite!.messageId);
    await until(async () => (await row(h!, invite!.id)).status === 'sent');
  });

  it('without SMTP_URL nothing is queued and the mail page says mail is not configured', async () => {
    h = await startServer();
    expect(h.app.mail.configured).toBe(false);
    expect(await queue(h, draft('ann@example.test'))).toBeNull();
    expect(await h.app.store.read.mail.backlog()).toBe(0);
    const view = (await h.request('GET', '/api/mail', await h.login(h.siteA.ownerEmail))).body as unknown as MailOutboxView;
    expect(view).toEqual({ configured: false, mails: [] });
  });
});
