import { describe, expect, it } from 'vitest';
import type { FrameToHost } from '@hearth/protocol';
import { createOutbox } from '@hearth/chat-client';
import { createHostStorage } from './browser-storage.ts';

describe('host-kept storage (frame denied its own)', () => {
  it('mirrors only the token and outbox keys to the loader, and reads back what it seeded', () => {
    const posted: FrameToHost[] = [];
    const host = createHostStorage('acme', (m) => posted.push(m));
    host.seed({ token: 'tok-1', outbox: JSON.stringify([{ clientId: 'abcdefgh1', body: 'queued', queuedAt: 1 }]) });
    expect(host.storage.getItem('hearth:token:acme')).toBe('tok-1');
    expect(createOutbox(host.storage, 'hearth:outbox:acme').entries().map((e) => e.body)).toEqual(['queued']);

    host.storage.setItem('hearth:token:acme', 'tok-2');
    host.storage.setItem('hearth:something-else', 'x');
    expect(posted).toEqual([{ type: 'hearth:store', key: 'token', value: 'tok-2' }]);
  });

  it('forgets everything on reset and asks the loader to forget its copies', () => {
    const posted: FrameToHost[] = [];
    const host = createHostStorage('acme', (m) => posted.push(m));
    host.seed({ token: 'tok-1', outbox: '[]' });
    host.forget();
    expect(host.storage.getItem('hearth:token:acme')).toBeNull();
    expect(host.storage.getItem('hearth:outbox:acme')).toBeNull();
    expect(posted).toEqual([
      { type: 'hearth:store', key: 'token', value: null },
      { type: 'hearth:store', key: 'outbox', value: null },
    ]);
  });
});
