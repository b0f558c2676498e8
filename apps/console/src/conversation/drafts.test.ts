import { describe, expect, it } from 'vitest';
import { MAX_DRAFTS, createDrafts, draftsKey } from './drafts.ts';
import { MESSAGE_BODY_MAX } from './message-limits.ts';
import { memoryStorage } from '../test-support/fixtures.ts';

describe('drafts', () => {
  it('keeps one draft per conversation, with its mode, across instances (a reload)', () => {
    const storage = memoryStorage();
    const drafts = createDrafts(storage, 'agent-1');
    drafts.set('c1', { text: 'Hi Olive, your card', mode: 'reply' });
    drafts.set('c2', { text: 'VIP: offer free shipping', mode: 'note' });
    const again = createDrafts(storage, 'agent-1');
    expect(again.get('c1')).toEqual({ text: 'Hi Olive, your card', mode: 'reply' });
    expect(again.get('c2')).toEqual({ text: 'VIP: offer free shipping', mode: 'note' });
    expect(again.get('c3')).toBeNull();
  });

  it('an empty text removes the draft; clearAll (sign-out) removes them all', () => {
    const storage = memoryStorage();
    const drafts = createDrafts(storage, 'agent-1');
    drafts.set('c1', { text: 'x', mode: 'reply' });
    drafts.set('c2', { text: 'y', mode: 'reply' });
    drafts.set('c1', { text: '', mode: 'reply' });
    expect(drafts.get('c1')).toBeNull();
    drafts.clearAll();
    expect(createDrafts(storage, 'agent-1').get('c2')).toBeNull();
  });

  it('is per agent: a colleague signing in to the same tab sees none of them', () => {
    const storage = memoryStorage();
    createDrafts(storage, 'agent-1').set('c1', { text: 'mine', mode: 'reply' });
    expect(createDrafts(storage, 'agent-2').get('c1')).toBeNull();
    expect(storage.data.has(draftsKey('agent-1'))).toBe(true);
  });

  it('is bounded: the oldest edit goes past MAX_DRAFTS, a text at most a message long', () => {
    let t = 0;
    const drafts = createDrafts(memoryStorage(), 'a', () => ++t);
    for (let i = 0; i <= MAX_DRAFTS; i++) drafts.set(`c${i}`, { text: `draft ${i}`, mode: 'reply' });
    expect(drafts.get('c0')).toBeNull();
    expect(drafts.get(`c${MAX_DRAFTS}`)?.text).toBe(`draft ${MAX_DRAFTS}`);
    drafts.set('long', { text: 'x'.repeat(MESSAGE_BODY_MAX + 10), mode: 'reply' });
    expect(drafts.get('long')?.text).toHaveLength(MESSAGE_BODY_MAX);
  });

  it('ignores malformed storage and works without storage', () => {
    const storage = memoryStorage();
    storage.setItem(draftsKey('a'), JSON.stringify({ c1: { text: 5, mode: 'reply', at: 1 }, c2: { text: 'ok', mode: 'shout', at: 1 }, c3: { text: 'fine', mode: 'note', at: 2 } }));
    const drafts = createDrafts(storage, 'a');
    expect(drafts.get('c1')).toBeNull();
    expect(drafts.get('c2')).toBeNull();
    expect(drafts.get('c3')).toEqual({ text: 'fine', mode: 'note' });
    storage.setItem(draftsKey('b'), '[not json');
    expect(createDrafts(storage, 'b').get('c1')).toBeNull();
    const memory = createDrafts(null, 'a');
    memory.set('c1', { text: 'in memory', mode: 'reply' });
    expect(memory.get('c1')?.text).toBe('in memory');
  });
});
