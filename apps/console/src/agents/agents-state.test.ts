import { describe, expect, it } from 'vitest';
import type { AgentPresence } from '@hearth/protocol';
import { aid, sid } from '../test-support/fixtures.ts';
import { agentsOfSite, agentsReducer, emptyAgents, statusOf, transferTargets } from './agents-state.ts';

const agent = (id: string, overrides: Partial<AgentPresence> = {}): AgentPresence => ({
  agentId: aid(id), siteId: sid('s1'), name: id.toUpperCase(), status: 'online', statusReason: null, openChats: 0, maxChats: 3, ...overrides,
});

describe('agentsReducer', () => {
  it('lists agents by name and marks the list loaded', () => {
    const s = agentsReducer(emptyAgents, { type: 'listed', agents: [agent('zoe'), agent('ada')] });
    expect(s.agents.map((a) => a.agentId)).toEqual(['ada', 'zoe']);
    expect(s.loaded).toBe(true);
  });

  it('applies a status change to every site row of that agent, with the reason', () => {
    let s = agentsReducer(emptyAgents, { type: 'listed', agents: [agent('ada'), agent('ada', { siteId: sid('s2') }), agent('bob')] });
    s = agentsReducer(s, { type: 'status-changed', agentId: aid('ada'), status: 'away', reason: 'Missed 3 chats in a row' });
    expect(s.agents.filter((a) => a.agentId === 'ada').map((a) => [a.status, a.statusReason])).toEqual([
      ['away', 'Missed 3 chats in a row'],
      ['away', 'Missed 3 chats in a row'],
    ]);
    expect(statusOf(s, 'ada')).toEqual({ status: 'away', reason: 'Missed 3 chats in a row' });
    expect(statusOf(s, 'bob')).toEqual({ status: 'online', reason: null });
    expect(statusOf(s, 'nobody')).toBeNull();
  });

  it('keeps the same state object when nothing changed', () => {
    const s = agentsReducer(emptyAgents, { type: 'listed', agents: [agent('ada')] });
    expect(agentsReducer(s, { type: 'status-changed', agentId: aid('ada'), status: 'online', reason: null })).toBe(s);
    expect(agentsReducer(s, { type: 'status-changed', agentId: aid('ghost'), status: 'away', reason: null })).toBe(s);
  });
});

describe('transferTargets', () => {
  it('offers online colleagues of the site, least loaded first, never me', () => {
    const s = agentsReducer(emptyAgents, {
      type: 'listed',
      agents: [
        agent('me'),
        agent('busy', { openChats: 2 }),
        agent('free', { openChats: 1, maxChats: 5 }),
        agent('away', { status: 'away' }),
        agent('other-site', { siteId: sid('s2') }),
      ],
    });
    expect(transferTargets(s, 's1', 'me').map((a) => a.agentId)).toEqual(['free', 'busy']);
    expect(agentsOfSite(s, 's2').map((a) => a.agentId)).toEqual(['other-site']);
  });
});
