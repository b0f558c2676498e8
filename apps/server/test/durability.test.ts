import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ask, startServer, type Harness } from './harness.ts';
import { testEngine } from './test-db.ts';

const dirs: string[] = [];
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('the database is the source of truth', () => {
  it('acked messages survive a restart, and a returning visitor resyncs them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hearth-durability-'));
    dirs.push(dir);
    const file = join(dir, 'hearth.db');
    h = await startServer({ databaseFile: file });
    const v = await h.visitor();
    const acked = [];
    for (let i = 0; i < 20; i++) {
      acked.push(await ask(v.socket, 'message:send', { clientId: crypto.randomUUID(), body: `m${i}` }));
    }
    const token = v.session.token;
    await h.close();

    h = await startServer({ databaseFile: file });
    const again = await h.visitor(h.siteA.siteKey, token);
    expect(again.session.visitorId).toBe(v.session.visitorId);
    const sync = await ask(again.socket, 'conversation:sync', { conversationId: null, afterSeq: 0 });
    expect(sync.ok && sync.data.messages.map((m) => m.body)).toEqual(acked.map((a) => (a.ok ? a.data.message.body : '?')));
    if (testEngine === 'sqlite') {
      expect(h.app.sqlite.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(h.app.sqlite.sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
    } else {
      // A resolved COMMIT is flushed to the server's WAL before the ack.
      expect(await h.sqlValue("select current_setting('synchronous_commit')")).toBe('on');
    }
  });
});
