import { describe, expect, it } from 'vitest';
import { createOutbox, newClientId } from './outbox.ts';

function memoryStorage() {
  const data = new Map<string, string>();
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
}

describe('outbox', () => {
  it('survives a "reload": a second outbox on the same storage sees pending entries', () => {
    const storage = memoryStorage();
    const a = createOutbox(storage, 'k');
    a.add({ clientId: 'abcdefgh1', body: 'hello', queuedAt: 1 });
    a.add({ clientId: 'abcdefgh2', body: 'again', queuedAt: 2 });
    const b = createOutbox(storage, 'k');
    expect(b.entries().map((e) => e.body)).toEqual(['hello', 'again']);
    b.remove('abcdefgh1');
    expect(a.entries().map((e) => e.clientId)).toEqual(['abcdefgh2']);
  });
  it('ignores corrupt storage and works without storage', () => {
    const storage = memoryStorage();
    storage.setItem('k', '{not json');
    expect(createOutbox(storage, 'k').entries()).toEqual([]);
    storage.setItem('k', JSON.stringify([{ clientId: 1 }, { clientId: 'abcdefgh', body: 'x', queuedAt: 3 }]));
    expect(createOutbox(storage, 'k').entries()).toHaveLength(1);
    const none = createOutbox(null, 'k');
    none.add({ clientId: 'abcdefgh', body: 'x', queuedAt: 1 });
    expect(none.entries()).toHaveLength(1);
  });
  it('keeps every queued entry without storage, not just the last one', () => {
    const none = createOutbox(null, 'k');
    none.add({ clientId: 'abcdefgh1', body: 'one', queuedAt: 1 });
    none.add({ clientId: 'abcdefgh2', body: 'two', queuedAt: 2 });
    none.add({ clientId: 'abcdefgh3', body: 'three', queuedAt: 3 });
    none.remove('abcdefgh2');
    expect(none.entries().map((e) => e.body)).toEqual(['one', 'three']);
  });
  it('makes client ids the protocol accepts', () => {
    expect(newClientId()).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
  });
});
