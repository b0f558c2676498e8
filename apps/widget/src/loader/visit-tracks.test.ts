import { describe, expect, it } from 'vitest';
import { readTracks } from './visit-tracks.ts';
import { toJson } from './host-storage.ts';

/** Issue 16 item 1: what the frame link replays is only ever events in the shape the loader wrote. */
describe('readTracks', () => {
  it('reads the records the loader appended, one per line', () => {
    const events = [
      { id: 'a1', at: 1, name: 'cart', props: { value: 84, currency: 'EUR', items: 2 } },
      { id: 'a2', at: 2, name: 'viewed\npricing' },
    ];
    expect(readTracks(events.map(toJson).join('\n'))).toEqual(events);
  });
  it('skips lines in any other shape: a double-encoded list (Prototype 1.6), a list, garbage, missing fields', () => {
    const text = [
      JSON.stringify('[{"id": "e1", "name": "cart", "at": 1}]'),
      '[{"id":"e1","name":"cart","at":1}]',
      '{"id":"e2","name":"x","at":"1"}',
      '{"id":"e3","name":"x","at":3,"props":[]}',
      'not json',
      'null',
      '',
      '{"id":"ok","name":"x","at":4}',
    ].join('\n');
    expect(readTracks(text)).toEqual([{ id: 'ok', name: 'x', at: 4 }]);
    expect(readTracks(null)).toEqual([]);
  });
});
