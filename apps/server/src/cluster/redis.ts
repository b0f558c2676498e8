import { Redis } from 'ioredis';

/**
 * A Redis connection for cluster mode. It reconnects forever (capped backoff) and, unless
 * `failFast`, queues commands while it does, so a Redis restart delays cross-node events instead
 * of failing them.
 */
export function connectRedis(url: string, connectionName: string, options: { failFast?: boolean } = {}): Redis {
  return new Redis(url, {
    connectionName,
    // Commands wait for the reconnect instead of failing after N attempts: the socket.io adapter
    // and the node registry retry on their own schedule, and a dropped publish is worse than a late
    // one. `failFast` connections (rate limits) refuse at once instead: a request is not held up.
    ...(options.failFast ? { maxRetriesPerRequest: 0, enableOfflineQueue: false } : { maxRetriesPerRequest: null }),
    retryStrategy: (attempt) => Math.min(100 * 2 ** Math.min(attempt, 5), 2_000),
    // A half-open TCP connection (Redis host gone) is noticed instead of hanging the adapter.
    keepAlive: 5_000,
    connectTimeout: 5_000,
  });
}

/** Resolves when `redis` answers PING within `ms`; rejects otherwise (for /readyz). */
export async function pingRedis(redis: Redis, ms = 1_000): Promise<void> {
  if (redis.status !== 'ready') throw new Error(`redis is ${redis.status}`);
  let timer: NodeJS.Timeout | undefined;
  try {
    const answer = await Promise.race([
      redis.ping(),
      new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error(`no PONG within ${ms} ms`)), ms);
      }),
    ]);
    if (answer !== 'PONG') throw new Error(`unexpected answer ${answer}`);
  } finally {
    clearTimeout(timer);
  }
}
