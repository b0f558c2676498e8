import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TranscriptEntry } from '@hearth/protocol';
import { ask, startServer, type Harness } from './harness.ts';

/**
 * Issue 12, Low: with "show agents" off, `transcript:get` named the agents ("Assigned to Bob
 * Realname") and the internal trigger name, and carried routing lines. A visitor's transcript shows
 * what the visitor saw, nothing more.
 */
let h: Harness;
beforeAll(async () => {
  h = await startServer();
});
afterAll(async () => {
  await h.close();
});

async function conversationWithHistory() {
  const agent = await h.agent(h.siteA.agentEmail);
  const v = await h.visitor(h.siteA.siteKey);
  const sent = await ask(v.socket, 'message:send', { clientId: crypto.randomUUID(), body: 'hello' });
  if (!sent.ok) throw new Error(sent.error.message);
  const conversationId = sent.data.conversation.id;
  await ask(agent.socket, 'conversation:claim', { conversationId });
  await ask(agent.socket, 'message:send', { conversationId, clientId: crypto.randomUUID(), body: 'Hi, how can I help?' });
  // What a trigger and routing record (the trigger's internal name; an agent who did not answer in time).
  await h.sql("update conversation_events set data = ? where conversation_id = ? and type = 'conversation.started'", [JSON.stringify({ triggerName: 'Internal: upsell VIPs' }), conversationId]);
  const agentId = await h.sqlValue<string>('select id from agents where email = ?', [h.siteA.agentEmail]);
  await h.sql("insert into conversation_events (conversation_id, site_id, type, actor_type, actor_id, data, created_at) values (?, ?, 'conversation.missed', 'system', null, ?, ?)", [
    conversationId,
    h.siteA.siteId,
    JSON.stringify({ agentId }),
    Date.now(),
  ]);
  await ask(agent.socket, 'conversation:close', { conversationId });
  return { v, conversationId };
}

const text = (entries: TranscriptEntry[]) => entries.map((e) => `${e.author}: ${e.text}`).join('\n');

describe('the visitor’s transcript', () => {
  it('with agents hidden: no agent name, no trigger name, no routing line; agents sign as the site', async () => {
    const owner = await h.login(h.siteA.ownerEmail);
    await h.request('PUT', `/api/sites/${h.siteA.siteId}/settings`, owner, { appearance: { showAgents: false } });
    const { v, conversationId } = await conversationWithHistory();
    const got = await ask(v.socket, 'transcript:get', { conversationId });
    if (!got.ok) throw new Error(got.error.message);
    const all = text(got.data.entries);
    expect(all).not.toContain('Agent A');
    expect(all).not.toContain('Internal: upsell VIPs');
    expect(all).not.toContain('did not answer');
    expect(all).toContain('Site a (agent): Hi, how can I help?');
    expect(all).toContain('Conversation started');
    expect(all).toContain('closed by the agent');
    await h.request('PUT', `/api/sites/${h.siteA.siteId}/settings`, owner, { appearance: { showAgents: true } });
  });

  it('with agents shown: their names, still no trigger name or routing line', async () => {
    const { v, conversationId } = await conversationWithHistory();
    const got = await ask(v.socket, 'transcript:get', { conversationId });
    if (!got.ok) throw new Error(got.error.message);
    const all = text(got.data.entries);
    expect(all).toContain('Agent A (agent): Hi, how can I help?');
    expect(all).toContain('Assigned to Agent A');
    expect(all).not.toContain('Internal: upsell VIPs');
    expect(all).not.toContain('did not answer');
  });
});
