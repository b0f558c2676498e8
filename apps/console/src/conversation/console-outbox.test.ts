import { describe, expect, it } from 'vitest';
import { cid, memoryStorage } from '../test-support/fixtures.ts';
import { createConsoleOutbox } from './console-outbox.ts';

describe('createConsoleOutbox', () => {
  it('keeps replies with their conversation across instances (a reload)', () => {
    const storage = memoryStorage();
    const a = createConsoleOutbox(storage);
    a.add({ clientId: 'reply-0001', conversationId: cid('c1'), body: 'hi', queuedAt: 1 });
    a.add({ clientId: 'reply-0002', conversationId: cid('c2'), body: 'yo', queuedAt: 2 });
    const b = createConsoleOutbox(storage);
    expect(b.entries()).toEqual([
      { clientId: 'reply-0001', conversationId: 'c1', body: 'hi', queuedAt: 1 },
      { clientId: 'reply-0002', conversationId: 'c2', body: 'yo', queuedAt: 2 },
    ]);
    b.remove('reply-0001');
    expect(a.entries().map((e) => e.clientId)).toEqual(['reply-0002']);
    a.clear();
    expect(b.entries()).toEqual([]);
  });

  it('ignores stored entries without a conversation', () => {
    const storage = memoryStorage();
    storage.setItem('hearth:console-outbox', JSON.stringify([{ clientId: 'x-000000', body: 'b', queuedAt: 1 }]));
    expect(createConsoleOutbox(storage).entries()).toEqual([]);
  });
});
