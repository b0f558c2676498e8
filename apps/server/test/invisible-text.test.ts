import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationId } from '@hearth/protocol';
import { ask, startServer, type Harness } from './harness.ts';
import { dbFingerprint } from './db-fingerprint.ts';

/**
 * Issue 16 item 9 through the real server: a message (or note, name, canned title, label, trigger,
 * department) made only of invisible characters is refused with `invalid_payload` / 400 and writes
 * nothing; the same input with one visible character is accepted.
 */
let h: Harness;
beforeAll(async () => {
  h = await startServer();
});
afterAll(async () => {
  await h.close();
});

const INVISIBLE = ['\u200B\u200B', '\u2800', '\u2060\u200C', '\u3164', '\u00AD', '\uFEFF\u200D', ' \u3000 '];

describe('invisible text is empty at every boundary', () => {
  it('visitor and agent messages, notes and profile names over the sockets', async () => {
    const v = await h.visitor(h.siteA.siteKey);
    const agent = await h.agent(h.siteA.agentEmail);
    const sent = await ask(v.socket, 'message:send', { clientId: crypto.randomUUID(), body: 'Hello' });
    if (!sent.ok) throw new Error('send failed');
    const conversationId = sent.data.conversation.id as ConversationId;
    const before = await dbFingerprint(h);
    for (const text of INVISIBLE) {
      const attempts = [
        await ask(v.socket, 'message:send', { clientId: crypto.randomUUID(), body: text }),
        await ask(agent.socket, 'message:send', { conversationId, clientId: crypto.randomUUID(), body: text }),
        await ask(agent.socket, 'note:add', { conversationId, clientId: crypto.randomUUID(), body: text }),
        await ask(v.socket, 'visitor:update', { name: text }),
      ];
      for (const ack of attempts) expect(ack, JSON.stringify(text)).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    }
    expect(await dbFingerprint(h)).toEqual(before);
    const visible = await ask(v.socket, 'message:send', { clientId: crypto.randomUUID(), body: '\u200B👍\u200B' });
    expect(visible.ok).toBe(true);
  });

  it('canned reply titles and texts, labels, trigger texts, department names and display names over HTTP', async () => {
    const owner = await h.login(h.siteA.ownerEmail);
    const site = `/api/sites/${h.siteA.siteId}`;
    const trigger = (name: string, message: string) => ({ name, when: [[{ signal: 'exit_intent' }]], action: { message, senderName: null } });
    for (const text of INVISIBLE) {
      const attempts: Array<[string, string, unknown]> = [
        ['POST', `${site}/canned-replies`, { scope: 'site', title: text, shortcut: 'hi', text: 'Hello!' }],
        ['POST', `${site}/canned-replies`, { scope: 'site', title: 'Hi', shortcut: 'hi', text }],
        ['POST', `${site}/labels`, { name: text, color: '#4f46e5' }],
        ['POST', `${site}/triggers`, trigger(text, 'Need help?')],
        ['POST', `${site}/triggers`, trigger('Exit', text)],
        ['POST', `${site}/departments`, { name: text }],
        ['PUT', '/api/agents/me/profile', { name: text }],
      ];
      for (const [method, path, body] of attempts) {
        const res = await h.request(method, path, owner, body);
        expect(res.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(400);
      }
    }
    expect((await h.request('POST', `${site}/labels`, owner, { name: '\u200Bvip', color: '#4f46e5' })).status).toBe(201);
  });
});
