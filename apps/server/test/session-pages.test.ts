import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationId } from '@hearth/protocol';
import { ask, startServer, type Harness } from './harness.ts';

/** The visitor sidebar's "pages visited this session": an older session's views are not listed. */
let h: Harness;
beforeAll(async () => {
  h = await startServer();
});
afterAll(async () => {
  await h.close();
});

const TWO_HOURS = 2 * 60 * 60 * 1000;

describe('pages visited this session', () => {
  it('lists only the views since the last gap of more than 30 minutes', async () => {
    const v = await h.visitor(h.siteA.siteKey);
    const view = async (path: string) => {
      const ack = await ask(v.socket, 'page:view', { url: `https://shop.example${path}`, title: path, referrer: null });
      expect(ack.ok).toBe(true);
    };
    await view('/old-home');
    await view('/old-pricing');
    // Those two views become yesterday's visit: the server stamps views with its own clock, so the
    // older session is made by moving the recorded rows back, not by waiting.
    await h.sql('update page_views set viewed_at = viewed_at - ?', [TWO_HOURS]);
    await view('/home');
    await view('/cart');

    const sent = await ask(v.socket, 'message:send', { clientId: crypto.randomUUID(), body: 'where is my order?' });
    if (!sent.ok) throw new Error('send failed');
    const agent = await h.agent(h.siteA.agentEmail);
    const opened = await ask(agent.socket, 'conversation:open', { conversationId: sent.data.conversation.id as ConversationId });
    if (!opened.ok) throw new Error('open failed');

    expect(await h.count('page_views')).toBe(4);
    expect(opened.data.pages.map((p) => new URL(p.url).pathname)).toEqual(['/cart', '/home']);
  });
});
