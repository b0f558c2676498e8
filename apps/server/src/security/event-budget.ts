/**
 * A token bucket per socket: `burst` events at once, refilled at `perMinute`. A flooding socket
 * gets `rate_limited` acks while every other socket (and site) is served as usual.
 */
export interface EventBudget {
  take(now: number): boolean;
}

export function createEventBudget(perMinute: number, burst: number, now: number): EventBudget {
  let tokens = burst;
  let last = now;
  return {
    take(at) {
      tokens = Math.min(burst, tokens + ((at - last) * perMinute) / 60_000);
      last = at;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}
