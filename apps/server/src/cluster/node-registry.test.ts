import { afterEach, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { NodeRegistry } from './node-registry.ts';
import { nodeOfSession, sessionId } from './session-id.ts';

const url = process.env.HEARTH_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const connections: Redis[] = [];
const registries: NodeRegistry[] = [];
afterEach(async () => {
  for (const r of registries.splice(0)) await r.stop().catch(() => {});
  for (const c of connections.splice(0)) c.disconnect();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A node of a test cluster: its own connection, as a process would have. */
function node(prefix: string, name: string, events: string[]) {
  const redis = new Redis(url);
  connections.push(redis);
  const registry = new NodeRegistry(redis, {
    prefix,
    node: name,
    intervalMs: 50,
    timeoutMs: 200,
    onPeerLost: (peer) => void events.push(`${name} cleaned ${peer}`),
    onPeerGone: (peer) => void events.push(`${name} saw ${peer} go`),
  });
  registries.push(registry);
  return registry;
}

/** What SIGKILL does to a node: it stops beating, and nothing runs after. */
function kill(registry: NodeRegistry): void {
  clearInterval((registry as unknown as { timer: NodeJS.Timeout }).timer);
  registries.splice(registries.indexOf(registry), 1);
}

describe('NodeRegistry (real Redis)', () => {
  it('lists live nodes; a node that stops beating is cleaned up once, by one peer, and every peer hears it went', async () => {
    const prefix = `test:${process.pid}:${Date.now()}:`;
    const events: string[] = [];
    const [a, b, c] = [node(prefix, 'a', events), node(prefix, 'b', events), node(prefix, 'c', events)];
    await Promise.all([a.start(), b.start(), c.start()]);
    await sleep(120);
    expect(await a.liveNodes()).toEqual(['a', 'b', 'c']);
    kill(b);
    await sleep(600);
    expect(await a.liveNodes()).toEqual(['a', 'c']);
    expect(events.filter((e) => e.endsWith('cleaned b'))).toHaveLength(1);
    expect(events.filter((e) => e.endsWith('saw b go')).sort()).toEqual(['a saw b go', 'c saw b go']);
    // A clean stop is not a death.
    await c.stop();
    registries.splice(registries.indexOf(c), 1);
    await sleep(400);
    expect(await a.liveNodes()).toEqual(['a']);
    expect(events.filter((e) => e.includes('c go') || e.endsWith('cleaned c'))).toEqual([]);
  });

  it('cleans up after a dead node that comes back under the same name before it beats again', async () => {
    const prefix = `test:${process.pid}:${Date.now()}:r:`;
    const events: string[] = [];
    const first = node(prefix, 'n1', events);
    await first.start();
    kill(first);
    await sleep(300);
    const again = node(prefix, 'n1', events);
    await again.start();
    expect(events).toEqual(['n1 cleaned n1']);
    expect(await again.liveNodes()).toEqual(['n1']);
  });
});

describe('session ids', () => {
  it('carry the node name before ~ and 120 random bits', () => {
    const sid = sessionId('node-2');
    expect(sid).toMatch(/^node-2~[A-Za-z0-9_-]{20}$/);
    expect(nodeOfSession(sid)).toBe('node-2');
    expect(nodeOfSession('AbCdEf012345')).toBeNull();
    expect(new Set(Array.from({ length: 1000 }, () => sessionId('n'))).size).toBe(1000);
  });
});
