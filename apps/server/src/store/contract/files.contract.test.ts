import { expect, it } from 'vitest';
import type { ConversationId, FileId, MessageId, SiteId, VisitorId } from '@hearth/protocol';
import type { AttachFiles, NewFile } from '../../files/file.store.ts';
import { describeEngines } from './engines.ts';
import { seedConversation, seedMessage, seedSite } from './fixtures.ts';

describeEngines('FileStore', (ctx) => {
  const file = (id: string, siteId: SiteId, visitorId: VisitorId, over: Partial<NewFile> = {}): NewFile => ({
    id: id as FileId,
    siteId,
    visitorId,
    conversationId: null,
    uploaderType: 'visitor',
    uploaderId: visitorId,
    name: `${id}.png`,
    mime: 'image/png',
    kind: 'image',
    size: 10,
    width: 2,
    height: 3,
    blobKey: `blob-${id}`,
    thumbnailKey: null,
    now: 100,
    ...over,
  });
  const attach = (ids: string[], siteId: SiteId, visitorId: VisitorId, conversationId: string, messageId: string, over: Partial<AttachFiles> = {}): AttachFiles => ({
    ids: ids as FileId[],
    siteId,
    visitorId,
    uploaderType: 'visitor',
    uploaderId: visitorId,
    conversationId: conversationId as ConversationId,
    messageId: messageId as MessageId,
    now: 200,
    ...over,
  });

  it('creates unattached files and links the uploader’s own to a message, in the order given', async () => {
    const { store, sql } = ctx();
    const { siteId, visitorId } = await seedSite(sql);
    await seedConversation(sql, siteId, visitorId, 'c1');
    await seedMessage(sql, { conversationId: 'c1', siteId, seq: 1, authorType: 'visitor', authorId: visitorId, body: 'hi', at: 150 });
    await store.unit(async (tx) => {
      await tx.files.create(file('f1', siteId, visitorId));
      await tx.files.create(file('f2', siteId, visitorId, { name: 'Report.PDF', mime: 'application/pdf', kind: 'pdf', width: null, height: null }));
    });
    expect(await store.read.files.get('f1' as FileId)).toMatchObject({ id: 'f1', siteId, visitorId, messageId: null, conversationId: null, blobKey: 'blob-f1', createdAt: 100 });
    const linked = await store.unit((tx) => tx.files.attach(attach(['f2', 'f1'], siteId, visitorId, 'c1', 'c1-m1')));
    expect(linked?.map((a) => a.id)).toEqual(['f2', 'f1']);
    expect(linked?.[0]).toEqual({ id: 'f2', name: 'Report.PDF', mime: 'application/pdf', kind: 'pdf', size: 10, width: null, height: null });
    await store.unit((tx) => tx.files.setMessageAttachments('c1-m1' as MessageId, linked!));
    expect(JSON.parse(String(await sql.value("select attachments from messages where id = 'c1-m1'")))).toEqual(linked);
    expect((await store.read.files.ofConversation('c1' as ConversationId)).map((f) => [f.id, f.messageId, f.sharedAt])).toEqual([
      ['f1', 'c1-m1', 150],
      ['f2', 'c1-m1', 150],
    ]);
    expect((await store.read.files.ofVisitor(siteId, visitorId, 10)).map((f) => f.id).sort()).toEqual(['f1', 'f2']);
    expect((await store.read.files.searchByName([siteId], 'report', 10)).map((f) => f.id)).toEqual(['f2']);
    expect(await store.read.files.searchByName([siteId], '%', 10)).toEqual([]);
    expect(await store.read.files.searchByName(['other' as SiteId], 'report', 10)).toEqual([]);
  });

  it('links nothing when any id is another visitor’s, another site’s, already sent or unknown', async () => {
    const { store, sql } = ctx();
    const a = await seedSite(sql, 'a');
    const b = await seedSite(sql, 'b');
    await sql.all("insert into visitors (id, site_id, created_at, last_seen_at) values ('visitor-a2', ?, 0, 0)", [a.siteId]);
    await seedConversation(sql, a.siteId, a.visitorId, 'c1');
    await store.unit(async (tx) => {
      await tx.files.create(file('mine', a.siteId, a.visitorId));
      await tx.files.create(file('theirs', a.siteId, 'visitor-a2' as VisitorId));
      await tx.files.create(file('other-site', b.siteId, b.visitorId));
    });
    for (const ids of [['mine', 'theirs'], ['mine', 'other-site'], ['mine', 'missing']]) {
      expect(await store.unit((tx) => tx.files.attach(attach(ids, a.siteId, a.visitorId, 'c1', 'm1')))).toBeNull();
    }
    // An agent's upload is not the visitor's to send, even into the same conversation.
    await store.unit((tx) => tx.files.create(file('agents', a.siteId, a.visitorId, { uploaderType: 'agent', uploaderId: a.agentId, conversationId: 'c1' as ConversationId })));
    expect(await store.unit((tx) => tx.files.attach(attach(['agents'], a.siteId, a.visitorId, 'c1', 'm1')))).toBeNull();
    expect(await store.unit((tx) => tx.files.attach(attach(['mine'], a.siteId, a.visitorId, 'c1', 'm1')))).toHaveLength(1);
    expect(await store.unit((tx) => tx.files.attach(attach(['mine'], a.siteId, a.visitorId, 'c1', 'm2')))).toBeNull();
    expect(await sql.value("select message_id from files where id = 'mine'")).toBe('m1');
    expect(await sql.value('select count(*) from files where message_id is not null')).toBe(1);
  });

  it('links an upload to one message when two nodes send it at once', async () => {
    const { store, sql } = ctx();
    const peer = await ctx().peer();
    const { siteId, visitorId } = await seedSite(sql);
    await seedConversation(sql, siteId, visitorId, 'c1');
    await store.unit((tx) => tx.files.create(file('f1', siteId, visitorId)));
    const results = await Promise.all(Array.from({ length: 4 }, (_, i) => (i % 2 ? peer : store).unit((tx) => tx.files.attach(attach(['f1'], siteId, visitorId, 'c1', `m${i}`)))));
    expect(results.filter((r) => r !== null)).toHaveLength(1);
  });

  it('sweeps unattached files past the grace, deletes a site’s files, and tells which keys are still named', async () => {
    const { store, sql } = ctx();
    const { siteId, visitorId } = await seedSite(sql);
    await seedConversation(sql, siteId, visitorId, 'c1');
    await store.unit(async (tx) => {
      await tx.files.create(file('old', siteId, visitorId, { now: 10 }));
      await tx.files.create(file('new', siteId, visitorId, { now: 500, thumbnailKey: 'thumb-new' }));
      await tx.files.create(file('sent', siteId, visitorId, { now: 10 }));
      await tx.files.attach(attach(['sent'], siteId, visitorId, 'c1', 'm1'));
    });
    expect(await store.unit((tx) => tx.files.deleteUnattached(100, 10))).toBe(1);
    expect((await sql.all('select id from files order by id')).map((r) => r.id)).toEqual(['new', 'sent']);
    expect([...(await store.read.files.referencedKeys(['blob-old', 'blob-new', 'thumb-new', 'blob-sent']))].sort()).toEqual(['blob-new', 'blob-sent', 'thumb-new']);
    expect(await store.unit((tx) => tx.files.deleteOfSite(siteId))).toBe(2);
    expect(await sql.value('select count(*) from files')).toBe(0);
  });
});

describeEngines('FileBlobRowStore', (ctx) => {
  it('renames parts written under a temporary key, keeps one copy of the same bytes, lists and deletes keys', async () => {
    const { store } = ctx();
    await store.unit(async (tx) => {
      await tx.fileBlobs.putPart('tmp-1', 0, Buffer.from('ab'), 5);
      await tx.fileBlobs.putPart('tmp-1', 1, Buffer.from('cd'), 5);
    });
    expect(await store.read.fileBlobs.has('k1')).toBe(false);
    await store.unit((tx) => tx.fileBlobs.commit('tmp-1', 'k1', 6));
    expect(await store.read.fileBlobs.has('tmp-1')).toBe(false);
    expect(Buffer.concat([(await store.read.fileBlobs.readPart('k1', 0))!, (await store.read.fileBlobs.readPart('k1', 1))!]).toString()).toBe('abcd');
    expect(await store.read.fileBlobs.readPart('k1', 2)).toBeNull();
    await store.unit((tx) => tx.fileBlobs.putPart('tmp-2', 0, Buffer.from('zz'), 7));
    await store.unit((tx) => tx.fileBlobs.commit('tmp-2', 'k1', 8));
    expect((await store.read.fileBlobs.readPart('k1', 0))!.toString()).toBe('ab');
    await store.unit((tx) => tx.fileBlobs.putPart('k2', 0, Buffer.from([0, 255, 1]), 9));
    expect(await store.read.fileBlobs.keys('', 10)).toEqual([
      { key: 'k1', createdAt: 8 },
      { key: 'k2', createdAt: 9 },
    ]);
    expect(await store.read.fileBlobs.keys('k1', 10)).toEqual([{ key: 'k2', createdAt: 9 }]);
    expect([...(await store.read.fileBlobs.readPart('k2', 0))!]).toEqual([0, 255, 1]);
    await store.unit((tx) => tx.fileBlobs.delete('k1'));
    expect(await store.read.fileBlobs.keys('', 10)).toEqual([{ key: 'k2', createdAt: 9 }]);
  });
});
