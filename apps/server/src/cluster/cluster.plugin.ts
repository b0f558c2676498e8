import fp from 'fastify-plugin';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { Redis } from 'ioredis';
import type { ResyncReason } from '@hearth/protocol';
import { deploymentMode, nodeName, type Config, type DeploymentMode } from '../config.ts';
import { connectRedis, pingRedis } from './redis.ts';
import { NodeRegistry } from './node-registry.ts';
import { sessionId } from './session-id.ts';

/** Runs on the one live node that claimed a dead peer's cleanup; awaited before the peer is forgotten. */
export type PeerLostHandler = (node: string) => Promise<void>;

export interface Cluster {
  readonly mode: DeploymentMode;
  /** This node's name (NODE_NAME, else host:port). */
  readonly node: string;
  /** The shared Redis connection in cluster mode (commands wait out a reconnect); null otherwise. */
  readonly redis: Redis | null;
  /**
   * A second connection whose commands fail at once while Redis is away, for HTTP rate limits
   * (a request is let through rather than held); null outside cluster mode.
   */
  readonly limitsRedis: Redis | null;
  /** Cleans up after a node that stopped beating (its agents' presence, say). Cluster mode only calls it. */
  onPeerLost(handler: PeerLostHandler): void;
  /** Asks this node's clients to sync (both namespaces): see ResyncReason. */
  resync(reason: ResyncReason): void;
  /** The nodes beating now (this one alone outside cluster mode). */
  liveNodes(): Promise<string[]>;
}

declare module 'fastify' {
  interface FastifyInstance {
    cluster: Cluster;
  }
}

/**
 * Cluster mode (DATABASE_URL and REDIS_URL set): Socket.IO's rooms and broadcasts span the nodes
 * through `@socket.io/redis-streams-adapter` (a Redis stream: a node that loses Redis for a while
 * reads on from its last offset, so no packet is skipped), engine.io session ids carry the node's
 * name (the balancer routes polling on it), nodes beat in Redis (node-registry.ts) and clean up
 * after a dead peer, and clients get a `resync` hint after a Redis reconnect or a peer's death.
 * In embedded and single-node PostgreSQL mode this plugin only names the node.
 */
export default fp<{ config: Config }>(
  async (app, { config }) => {
    const mode = deploymentMode(config);
    const node = nodeName(config);
    const handlers: PeerLostHandler[] = [];
    const resync = (reason: ResyncReason) => {
      app.visitorNsp.local.emit('resync', { reason });
      app.agentNsp.local.emit('resync', { reason });
    };
    if (mode !== 'cluster' || !config.REDIS_URL) {
      app.decorate('cluster', { mode, node, redis: null, limitsRedis: null, onPeerLost: () => {}, resync, liveNodes: async () => [node] } satisfies Cluster);
      return;
    }

    const prefix = config.REDIS_KEY_PREFIX;
    const redis = connectRedis(config.REDIS_URL, `hearth ${node}`);
    const limitsRedis = connectRedis(config.REDIS_URL, `hearth ${node} limits`, { failFast: true });
    limitsRedis.on('error', () => {}); // reported by the main connection; rate limits skip on error
    app.io.adapter(
      createAdapter(redis, {
        streamName: `${prefix}socket.io`,
        channelPrefix: `${prefix}socket.io`,
        sessionKeyPrefix: `${prefix}sio:session:`,
        // Peers are forgotten (fetchSockets stops waiting for them) after this long without a beat.
        heartbeatInterval: config.CLUSTER_HEARTBEAT_MS,
        heartbeatTimeout: config.CLUSTER_NODE_TIMEOUT_MS,
        onlyPlaintext: true,
        // A closing node's stream reader notices within this long (it checks between reads).
        blockTimeInMs: 1_000,
      }),
    );
    app.io.engine.generateId = () => sessionId(node);

    // After Redis comes back, events published while it was away may be missing here: resync.
    let lostRedis = false;
    redis.on('close', () => {
      lostRedis = true;
    });
    redis.on('ready', () => {
      if (!lostRedis) return;
      lostRedis = false;
      app.log.warn({ node }, 'redis reconnected; asking clients to resync');
      resync('redis-reconnected');
    });
    redis.on('error', (err) => app.log.warn({ err, node }, 'redis connection error'));

    const registry = new NodeRegistry(redis, {
      prefix,
      node,
      intervalMs: config.CLUSTER_HEARTBEAT_MS,
      timeoutMs: config.CLUSTER_NODE_TIMEOUT_MS,
      async onPeerLost(peer) {
        app.log.warn({ node, peer }, 'a cluster node stopped beating; cleaning up after it');
        for (const handler of handlers) await handler(peer);
      },
      onPeerGone(peer) {
        app.log.warn({ node, peer }, 'a cluster node is gone; asking clients to resync');
        resync('peer-lost');
      },
      onError: (err) => app.log.warn({ err, node }, 'cluster heartbeat failed'),
    });

    app.decorate('cluster', {
      mode,
      node,
      redis,
      limitsRedis,
      onPeerLost: (handler) => void handlers.push(handler),
      resync,
      liveNodes: () => registry.liveNodes(),
    } satisfies Cluster);
    app.readiness.add('redis', () => pingRedis(redis));

    // Beat once features have registered their peer-lost handlers.
    app.addHook('onReady', async () => registry.start());
    app.addHook('onClose', async () => {
      await registry.stop().catch((err: unknown) => app.log.warn({ err }, 'leaving the cluster failed'));
      // Stops the adapters' heartbeats and stream readers (their duplicate connections end after the current read).
      for (const nsp of app.io._nsps.values()) nsp.adapter.close();
      redis.disconnect();
      limitsRedis.disconnect();
    });
  },
  { name: 'cluster', dependencies: ['io', 'health'] },
);
