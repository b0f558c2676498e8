import { afterEach, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ask, startServer, type Harness } from './harness.ts';
import { backupDatabase } from '../src/data-care/backup.ts';

const dirs: string[] = [];
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'hearth-data-care-'));
  dirs.push(d);
  return d;
};

describe('online backup and restore', () => {
  it('a backup taken while a visitor keeps sending holds every message acked before it, and restores', async () => {
    const dir = tempDir();
    h = await startServer({ databaseFile: join(dir, 'hearth.db') });
    const v = await h.visitor();
    const ackedBefore: string[] = [];
    for (let i = 0; i < 50; i++) {
      const ack = await ask(v.socket, 'message:send', { clientId: `before-${i}-xxxx`, body: `before ${i}` });
      if (ack.ok) ackedBefore.push(ack.data.message.body);
    }
    // Chats continue during the backup: 200 sends in flight while it runs.
    const during = Array.from({ length: 200 }, (_, i) => ask(v.socket, 'message:send', { clientId: `during-${i}-xxxx`, body: `during ${i}` }));
    const { pages } = await backupDatabase(join(dir, 'hearth.db'), join(dir, 'backup.db'));
    expect(pages).toBeGreaterThan(0);
    expect((await Promise.all(during)).every((a) => a.ok)).toBe(true);
    const token = v.session.token;
    await h.close();

    // Restore: the backup file becomes the database.
    copyFileSync(join(dir, 'backup.db'), join(dir, 'restored.db'));
    h = await startServer({ databaseFile: join(dir, 'restored.db') });
    const again = await h.visitor(h.siteA.siteKey, token);
    expect(again.session.visitorId).toBe(v.session.visitorId);
    const sync = await ask(again.socket, 'conversation:sync', { conversationId: null, afterSeq: 0 });
    const bodies = sync.ok ? sync.data.messages.map((m) => m.body) : [];
    expect(bodies.slice(0, 50)).toEqual(ackedBefore);
    // A consistent snapshot: whatever part of the "during" burst it caught has no gaps.
    expect(sync.ok && sync.data.messages.map((m) => m.seq)).toEqual(bodies.map((_, i) => i + 1));
  });
});

describe('a visitor’s data on request (owner action)', () => {
  it('export and erase are owner-only; erase leaves no row anywhere that mentions the visitor', async () => {
    h = await startServer();
    const v = await h.visitor();
    const marker = 'ERASE-ME-5c1d';
    await ask(v.socket, 'message:send', { clientId: crypto.randomUUID(), body: `${marker} my address is 1 Elm St` });
    await ask(v.socket, 'page:view', { url: `https://a.test/${marker}`, title: marker, referrer: null });
    const agent = await h.agent(h.siteA.agentEmail);
    const convo = await ask(v.socket, 'conversation:sync', { conversationId: null, afterSeq: 0 });
    const conversationId = convo.ok && convo.data.conversation ? convo.data.conversation.id : null;
    await ask(agent.socket, 'message:send', { conversationId: conversationId!, clientId: crypto.randomUUID(), body: 'We will ship today' });
    const other = await h.visitor(); // must survive the erase untouched
    await ask(other.socket, 'message:send', { clientId: crypto.randomUUID(), body: 'someone else' });

    const exportPath = `/api/visitors/${v.session.visitorId}/export`;
    for (const email of [undefined, h.siteA.agentEmail, h.siteB.ownerEmail]) {
      const cookie = email ? await h.login(email) : '';
      expect((await fetch(h.url + exportPath, { headers: { cookie } })).status, email).toBe(404);
      expect((await fetch(h.url + `/api/visitors/${v.session.visitorId}`, { method: 'DELETE', headers: { cookie } })).status, email).toBe(404);
    }
    const owner = await h.login(h.siteA.ownerEmail);
    const exported = (await (await fetch(h.url + exportPath, { headers: { cookie: owner } })).json()) as {
      messages: Array<{ body: string }>;
      pageViews: unknown[];
      visitor: { id: string };
    };
    expect(exported.visitor.id).toBe(v.session.visitorId);
    expect(exported.messages.map((m) => m.body)).toEqual([`${marker} my address is 1 Elm St`, 'We will ship today']);
    expect(exported.pageViews).toHaveLength(1);

    const closed = new Promise((resolve) => v.socket.on('disconnect', resolve));
    const erase = await fetch(h.url + `/api/visitors/${v.session.visitorId}`, { method: 'DELETE', headers: { cookie: owner } });
    expect(erase.status).toBe(200);
    expect(await erase.json()).toEqual({ messages: 2, conversations: 1 });
    await closed;

    // Every text value of every table (tables other features add included): no trace.
    const traces: string[] = [];
    for (const name of await h.tables()) {
      for (const text of await h.rowsOf(name)) {
        for (const needle of [v.session.visitorId, marker, conversationId!, 'We will ship today']) if (text.includes(needle)) traces.push(`${name}: ${needle}`);
      }
    }
    expect(traces).toEqual([]);
    expect(await h.count('messages')).toBe(1); // the other visitor's
    const sync = await ask(other.socket, 'conversation:sync', { conversationId: null, afterSeq: 0 });
    expect(sync.ok && sync.data.messages.map((m) => m.body)).toEqual(['someone else']);
  });
});
