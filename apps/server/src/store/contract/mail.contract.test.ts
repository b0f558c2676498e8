import { expect, it } from 'vitest';
import type { SiteId } from '@hearth/protocol';
import type { NewMail } from '../../mail/mail.store.ts';
import { describeEngines } from './engines.ts';
import { seedSite } from './fixtures.ts';

describeEngines('MailStore', (ctx) => {
  const mail = (id: string, extra: Partial<NewMail> = {}): NewMail => ({
    id,
    kind: 'invitation',
    siteId: null,
    agentId: null,
    ref: null,
    to: `${id}@example.test`,
    subject: `Subject ${id}`,
    text: 'text',
    html: '<p>html</p>',
    headers: { replyTo: 'reply@example.test', references: ['<a@x>'] },
    messageId: `<${id}@x>`,
    now: 100,
    ...extra,
  });

  it('a mail is taken for one try at a time, across nodes; a dead sender’s hold runs out', async () => {
    const { store, peer } = ctx();
    const other = await peer();
    await store.unit((tx) => tx.mail.enqueue(mail('m1')));
    const first = await store.unit((tx) => tx.mail.takeForSending('m1', 1000, 500));
    expect(first).toMatchObject({ taken: { id: 'm1', status: 'sending', attempts: 1, text: 'text', html: '<p>html</p>', headers: { replyTo: 'reply@example.test', references: ['<a@x>'] } } });
    expect(await other.unit((tx) => tx.mail.takeForSending('m1', 1200, 500))).toEqual({ busyUntil: 1500 });
    expect(await other.unit((tx) => tx.mail.takeForSending('m1', 1501, 500))).toMatchObject({ taken: { attempts: 2 } });
    // The first sender's late outcome still lands: whoever records first wins, once.
    await store.unit((tx) => tx.mail.markSent('m1', '250 OK', 1600));
    await other.unit((tx) => tx.mail.markRetrying('m1', '451 later', 9999, 1700));
    expect(await store.read.mail.find('m1')).toMatchObject({ status: 'sent', lastResponse: '250 OK', sentAt: 1600, text: null, html: null });
    expect(await store.unit((tx) => tx.mail.takeForSending('m1', 2000, 500))).toEqual({ done: true });
    expect(await store.unit((tx) => tx.mail.takeForSending('nope', 2000, 500))).toEqual({ done: true });
  });

  it('retrying and failed mail: kept with its answer, failed keeps its bodies for another try', async () => {
    const { store } = ctx();
    await store.unit((tx) => tx.mail.enqueue(mail('m1')));
    await store.unit((tx) => tx.mail.takeForSending('m1', 1000, 500));
    await store.unit((tx) => tx.mail.markRetrying('m1', 'ECONNREFUSED', 5000, 1000));
    expect(await store.read.mail.find('m1')).toMatchObject({ status: 'retrying', nextAttemptAt: 5000, lastResponse: 'ECONNREFUSED' });
    expect(await store.read.mail.backlog()).toBe(1);
    await store.unit((tx) => tx.mail.takeForSending('m1', 5000, 500));
    const failed = await store.unit((tx) => tx.mail.markFailed('m1', '550 no such user', 5100));
    expect(failed).toMatchObject({ status: 'failed', attempts: 2, text: 'text' });
    expect(await store.unit((tx) => tx.mail.markFailed('m1', 'again', 5200))).toBeNull();
    expect(await store.read.mail.backlog()).toBe(0);
  });

  it('owners see and requeue their sites’ mail and their members’ account mail, nobody else’s; old mail is trimmed', async () => {
    const { store, sql } = ctx();
    const a = await seedSite(sql, 'a');
    const b = await seedSite(sql, 'b');
    await store.unit(async (tx) => {
      await tx.mail.enqueue(mail('site-a', { siteId: a.siteId, now: 1 }));
      await tx.mail.enqueue(mail('member-a', { agentId: a.agentId, kind: 'password-reset', now: 2 }));
      await tx.mail.enqueue(mail('site-b', { siteId: b.siteId, now: 3 }));
      await tx.mail.enqueue(mail('member-b', { agentId: b.agentId, kind: 'password-reset', now: 4 }));
    });
    const visible = { ownerSiteIds: [a.siteId] as SiteId[] };
    const listed = await store.read.mail.listFor(visible, 10);
    expect(listed.map((m) => m.id)).toEqual(['member-a', 'site-a']);
    expect(listed[0]).not.toHaveProperty('text');
    expect(listed[0]).not.toHaveProperty('headers');
    expect(await store.read.mail.listFor({ ownerSiteIds: [] }, 10)).toEqual([]);
    for (const id of ['site-a', 'site-b']) {
      await store.unit((tx) => tx.mail.takeForSending(id, 10, 5));
      await store.unit((tx) => tx.mail.markFailed(id, '550', 10));
    }
    expect(await store.unit((tx) => tx.mail.requeue('site-b', visible, 20))).toBe(false);
    expect(await store.unit((tx) => tx.mail.requeue('site-a', visible, 20))).toBe(true);
    expect(await store.read.mail.find('site-a')).toMatchObject({ status: 'retrying', nextAttemptAt: 20 });
    expect(await store.unit((tx) => tx.mail.requeue('site-a', visible, 21))).toBe(true);
    expect(await store.unit((tx) => tx.mail.trim(100))).toBe(1);
    expect(await store.read.mail.find('site-b')).toBeNull();
    expect(await store.read.mail.find('site-a')).not.toBeNull();
  });
});
