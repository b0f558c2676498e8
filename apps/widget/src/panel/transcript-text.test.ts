import { describe, expect, it } from 'vitest';
import { transcriptText } from './transcript-text.ts';

describe('transcriptText', () => {
  it('writes one line per message and event, events marked with a dash', () => {
    const text = transcriptText(
      'Chat with Ember & Oak',
      [
        { kind: 'event', at: 0, author: 'Visitor', text: 'Conversation started' },
        { kind: 'message', at: 1000, author: 'Visitor', text: 'Hi <b>there</b>' },
        { kind: 'message', at: 2000, author: 'Ada (agent)', text: 'Hello!' },
      ],
      (ms) => `t${ms}`,
    );
    expect(text).toBe('Chat with Ember & Oak\n\n[t0] — Conversation started\n[t1000] Visitor: Hi <b>there</b>\n[t2000] Ada (agent): Hello!\n');
  });
});
