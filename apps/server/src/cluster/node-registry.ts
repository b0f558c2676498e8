import type { Redis } from 'ioredis';

export interface NodeRegistryOptions {
  /** Key prefix shared by the cluster's nodes (REDIS_KEY_PREFIX). */
  prefix: string;
  /** This node's name (NODE_NAME). */
  node: string;
  /** How often this node beats and looks at the others (ms). */
  intervalMs: number;
  /** A node whose last beat is older than this is dead (ms); a few intervals. */
  timeoutMs: number;
  /** Called once cluster-wide for a node that stopped beating: by the one live node that claimed its cleanup. */
  onPeerLost: (node: string) => Promise<void> | void;
  /** Called on every node, for any peer it saw stop beating (to send its own clients a resync hint). */
  onPeerGone?: (node: string) => void;
  onError?: (error: unknown) => void;
}

/**
 * Who is alive, per node, with heartbeats in Redis:
 * - every `intervalMs` a node sets `<prefix>node:<name>` (its start time) with a `timeoutMs` expiry
 *   and keeps its name in the set `<prefix>nodes`;
 * - in the same tick it looks for members of the set whose key has expired: a node that stopped
 *   beating (SIGKILL, a lost host). The first live node to take `<prefix>node-lost:<name>` (SET NX)
 *   runs `onPeerLost` for it (clearing its agents' presence, say), then removes it from the set; if
 *   that node dies midway, the claim expires and another node does it.
 * A node that closes cleanly removes itself, so nobody treats a restart as a death; a node that
 * restarts under the same name after dying is cleaned up first (its new key is set only after).
 */
export class NodeRegistry {
  private timer: NodeJS.Timeout | null = null;
  private readonly startedAt = Date.now();
  private readonly seen = new Set<string>();
  private ticking: Promise<void> | null = null;

  constructor(
    private readonly redis: Redis,
    private readonly options: NodeRegistryOptions,
  ) {}

  private key(node: string): string {
    return `${this.options.prefix}node:${node}`;
  }
  /** The claim on a dead node's cleanup; it also tells peers the node died rather than left. */
  private lostKey(node: string): string {
    return `${this.options.prefix}node-lost:${node}`;
  }
  private get setKey(): string {
    return `${this.options.prefix}nodes`;
  }

  /** Beats once (after cleaning up a dead predecessor of the same name), then every interval. */
  async start(): Promise<void> {
    await this.tick();
    this.timer = setInterval(() => void this.tick(), this.options.intervalMs);
    this.timer.unref();
  }

  /** The live nodes' names (those beating now), this one included. */
  async liveNodes(): Promise<string[]> {
    const members = await this.redis.smembers(this.setKey);
    if (members.length === 0) return [];
    const beats = await this.redis.mget(...members.map((m) => this.key(m)));
    return members.filter((_m, i) => beats[i] !== null).sort();
  }

  /** One beat: find and clean up dead peers, then announce this node. Never overlaps itself. */
  tick(): Promise<void> {
    this.ticking ??= this.beat().finally(() => {
      this.ticking = null;
    });
    return this.ticking;
  }

  private async beat(): Promise<void> {
    const { node, timeoutMs } = this.options;
    try {
      const members = await this.redis.smembers(this.setKey);
      // A peer this node saw that is no longer listed: cleaned up after by another node (gone),
      // or it left cleanly (nothing to do). The cleaner's claim tells them apart.
      for (const peer of [...this.seen].filter((p) => p !== node && !members.includes(p))) {
        this.seen.delete(peer);
        if ((await this.redis.exists(this.lostKey(peer))) === 1) this.options.onPeerGone?.(peer);
      }
      const others = members.filter((m) => m !== node || !this.seen.has(node));
      const beats = others.length ? await this.redis.mget(...others.map((m) => this.key(m))) : [];
      for (const [i, peer] of others.entries()) {
        if (beats[i] !== null) {
          this.seen.add(peer);
          continue;
        }
        if (peer !== node && this.seen.delete(peer)) this.options.onPeerGone?.(peer);
        await this.cleanUp(peer);
      }
      await this.redis.multi().set(this.key(node), String(this.startedAt), 'PX', timeoutMs).sadd(this.setKey, node).exec();
      this.seen.add(node);
    } catch (error) {
      this.options.onError?.(error);
    }
  }

  /** Runs onPeerLost for a dead node if this node wins the claim; the claim outlives a crash mid-way. */
  private async cleanUp(peer: string): Promise<void> {
    const won = await this.redis.set(this.lostKey(peer), this.options.node, 'PX', this.options.timeoutMs * 2, 'NX');
    if (won !== 'OK') return;
    await this.options.onPeerLost(peer);
    // Only now: if onPeerLost threw, the member stays and the next claimant (after the claim expires) tries again.
    await this.redis.srem(this.setKey, peer);
  }

  /** Stops beating and leaves the set: a clean shutdown is not a death. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.ticking;
    await this.redis.multi().del(this.key(this.options.node)).srem(this.setKey, this.options.node).exec();
  }
}
