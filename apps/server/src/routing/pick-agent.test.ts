import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hasFreeSlot, pickAgent, type AgentCandidate, type RoutingRequest } from './pick-agent.ts';

const agent = (id: string, over: Partial<AgentCandidate> = {}): AgentCandidate => ({
  agentId: id,
  status: 'online',
  openChats: 0,
  maxChats: 3,
  lastAssignedAt: null,
  departmentIds: [],
  ...over,
});
const request = (over: Partial<RoutingRequest> = {}): RoutingRequest => ({
  departmentId: null,
  departmentFallback: false,
  previousAgentId: null,
  excludedAgentIds: [],
  ...over,
});

describe('pickAgent', () => {
  it('least-busy takes the agent with the fewest open chats, then the longest idle', () => {
    const agents = [agent('a', { openChats: 2 }), agent('b', { openChats: 1, lastAssignedAt: 50 }), agent('c', { openChats: 1, lastAssignedAt: 10 })];
    expect(pickAgent(agents, request(), 'least-busy')).toBe('c');
  });

  it('round-robin takes the longest idle regardless of load, never-assigned first', () => {
    const agents = [agent('a', { openChats: 0, lastAssignedAt: 30 }), agent('b', { openChats: 2, lastAssignedAt: 5 }), agent('c', { lastAssignedAt: null, openChats: 1 })];
    expect(pickAgent(agents, request(), 'round-robin')).toBe('c');
    expect(pickAgent(agents.slice(0, 2), request(), 'round-robin')).toBe('b');
  });

  it('skips away, offline, full and excluded agents; null when nobody can take it', () => {
    const agents = [
      agent('away', { status: 'away' }),
      agent('off', { status: 'offline' }),
      agent('full', { openChats: 3 }),
      agent('missed'),
    ];
    expect(pickAgent(agents, request({ excludedAgentIds: ['missed'] }), 'least-busy')).toBeNull();
    expect(pickAgent(agents, request(), 'least-busy')).toBe('missed');
  });

  it('prefers the previous agent when they are online with a free slot', () => {
    const agents = [agent('idle'), agent('prev', { openChats: 2, lastAssignedAt: 99 })];
    expect(pickAgent(agents, request({ previousAgentId: 'prev' }), 'least-busy')).toBe('prev');
    const full = [agent('idle'), agent('prev', { openChats: 3 })];
    expect(pickAgent(full, request({ previousAgentId: 'prev' }), 'least-busy')).toBe('idle');
  });

  it('keeps a department request inside the department until the fallback', () => {
    const agents = [agent('sales', { departmentIds: ['sales'], openChats: 2 }), agent('any')];
    expect(pickAgent(agents, request({ departmentId: 'sales' }), 'least-busy')).toBe('sales');
    const busySales = [agent('sales', { departmentIds: ['sales'], openChats: 3 }), agent('any')];
    expect(pickAgent(busySales, request({ departmentId: 'sales' }), 'least-busy')).toBeNull();
    expect(pickAgent(busySales, request({ departmentId: 'sales', departmentFallback: true }), 'least-busy')).toBe('any');
  });
});

const candidateArb = fc.record({
  agentId: fc.string({ minLength: 1, maxLength: 4 }),
  status: fc.constantFrom('online', 'away', 'offline') as fc.Arbitrary<AgentCandidate['status']>,
  openChats: fc.nat({ max: 6 }),
  maxChats: fc.integer({ min: 1, max: 5 }),
  lastAssignedAt: fc.option(fc.nat({ max: 1000 }), { nil: null }),
  departmentIds: fc.subarray(['sales', 'billing']),
});
const agentsArb = fc.uniqueArray(candidateArb, { selector: (a) => a.agentId, maxLength: 12 });
const requestArb = fc.record({
  departmentId: fc.constantFrom(null, 'sales', 'billing'),
  departmentFallback: fc.boolean(),
  previousAgentId: fc.option(fc.string({ minLength: 1, maxLength: 4 }), { nil: null }),
  excludedAgentIds: fc.array(fc.string({ minLength: 1, maxLength: 4 }), { maxLength: 3 }),
});
const policyArb = fc.constantFrom('least-busy', 'round-robin') as fc.Arbitrary<'least-busy' | 'round-robin'>;

describe('pickAgent properties', () => {
  it('never picks an agent who is not online, is full, or is excluded', () => {
    fc.assert(
      fc.property(agentsArb, requestArb, policyArb, (agents, req, policy) => {
        const picked = pickAgent(agents, req, policy);
        if (picked === null) return;
        const a = agents.find((x) => x.agentId === picked)!;
        expect(hasFreeSlot(a)).toBe(true);
        expect(req.excludedAgentIds).not.toContain(picked);
      }),
    );
  });

  it('returns someone whenever an eligible agent exists (no one is left waiting needlessly)', () => {
    fc.assert(
      fc.property(agentsArb, requestArb, policyArb, (agents, req, policy) => {
        const eligible = agents.filter(
          (a) =>
            hasFreeSlot(a) &&
            !req.excludedAgentIds.includes(a.agentId) &&
            (!req.departmentId || req.departmentFallback || a.departmentIds.includes(req.departmentId) || a.agentId === req.previousAgentId),
        );
        expect(pickAgent(agents, req, policy) === null).toBe(eligible.length === 0);
      }),
    );
  });

  it('least-busy never picks a busier agent than an eligible idle one in the same pool', () => {
    fc.assert(
      fc.property(agentsArb, (agents) => {
        const picked = pickAgent(agents, { departmentId: null, departmentFallback: false, previousAgentId: null, excludedAgentIds: [] }, 'least-busy');
        if (picked === null) return;
        const min = Math.min(...agents.filter(hasFreeSlot).map((a) => a.openChats));
        expect(agents.find((a) => a.agentId === picked)!.openChats).toBe(min);
      }),
    );
  });

  it('is deterministic and independent of input order', () => {
    fc.assert(
      fc.property(agentsArb, requestArb, policyArb, (agents, req, policy) => {
        expect(pickAgent([...agents].reverse(), req, policy)).toBe(pickAgent(agents, req, policy));
      }),
    );
  });

  it('spreads assignments evenly: repeated least-busy picks keep loads within 1', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 0, max: 40 }), (n, chats) => {
        const agents = Array.from({ length: n }, (_, i) => agent(`a${i}`, { maxChats: 100 }));
        for (let t = 0; t < chats; t++) {
          const id = pickAgent(agents, request(), 'least-busy')!;
          const a = agents.find((x) => x.agentId === id)!;
          a.openChats++;
          a.lastAssignedAt = t;
        }
        const loads = agents.map((a) => a.openChats);
        expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
      }),
    );
  });
});
