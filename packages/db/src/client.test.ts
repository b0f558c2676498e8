import { describe, expect, it } from 'vitest';
import { openDatabase } from './client.ts';

describe('openDatabase', () => {
  it('applies the committed migrations and enforces one open conversation per visitor', () => {
    const { sqlite, close } = openDatabase(':memory:');
    const tables = sqlite.prepare("select name from sqlite_master where type = 'table' order by name").pluck().all();
    expect(tables).toEqual(
      expect.arrayContaining(['agents', 'agent_sessions', 'conversations', 'memberships', 'messages', 'page_views', 'sites', 'visitors']),
    );
    sqlite.prepare("insert into sites (id, key, name, secret, created_at) values ('s', 'key', 'Site', 'secret', 0)").run();
    sqlite.prepare("insert into visitors (id, site_id, created_at, last_seen_at) values ('v', 's', 0, 0)").run();
    const open = sqlite.prepare("insert into conversations (id, site_id, visitor_id, status, created_at, updated_at) values (?, 's', 'v', ?, 0, 0)");
    open.run('c1', 'open');
    expect(() => open.run('c2', 'open')).toThrow(/UNIQUE/);
    open.run('c3', 'closed');
    open.run('c4', 'closed');
    const insertMessage = sqlite.prepare(
      "insert into messages (id, conversation_id, site_id, seq, client_id, author_type, author_id, body, created_at) values (?, 'c1', 's', ?, ?, 'visitor', 'v', 'x', 0)",
    );
    insertMessage.run('m1', 1, 'client-1');
    expect(() => insertMessage.run('m2', 1, 'client-2')).toThrow(/UNIQUE/);
    expect(() => insertMessage.run('m3', 2, 'client-1')).toThrow(/UNIQUE/);
    close();
  });
});

describe('messages_fts', () => {
  it('indexes messages through triggers, including rows written before the migration (rebuild)', () => {
    const { sqlite, close } = openDatabase(':memory:');
    sqlite.prepare("insert into sites (id, key, name, secret, created_at) values ('s', 'key', 'Site', 'secret', 0)").run();
    sqlite.prepare("insert into visitors (id, site_id, created_at, last_seen_at) values ('v', 's', 0, 0)").run();
    sqlite.prepare("insert into conversations (id, site_id, visitor_id, status, created_at, updated_at) values ('c', 's', 'v', 'open', 0, 0)").run();
    const insert = sqlite.prepare(
      "insert into messages (id, conversation_id, site_id, seq, client_id, author_type, author_id, body, created_at) values (?, 'c', 's', ?, ?, 'visitor', 'v', ?, 0)",
    );
    insert.run('m1', 1, 'client-1', 'Is the cedar candle in stock?');
    insert.run('m2', 2, 'client-2', 'And the crème brûlée one?');
    const find = sqlite.prepare("select m.id from messages_fts f join messages m on m.rowid = f.rowid where messages_fts match ?").pluck();
    expect(find.all('"cedar candle"')).toEqual(['m1']);
    expect(find.all('"creme brulee"')).toEqual(['m2']);
    sqlite.prepare("update messages set body = 'changed' where id = 'm1'").run();
    expect(find.all('"cedar candle"')).toEqual([]);
    sqlite.prepare("delete from messages where id = 'm2'").run();
    expect(find.all('"creme"')).toEqual([]);
    close();
  });
});
