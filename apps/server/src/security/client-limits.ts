import { createEventBudget, type EventBudget } from './event-budget.ts';

/**
 * Live sockets per key (a visitor, a client address), with a cap per kind of key. One visitor
 * token opening dozens of sockets, or one address opening hundreds, is refused with
 * `too_many_connections` instead of each socket multiplying what the server holds for it.
 * Counts are per node: a cluster's load balancer keeps a client on one node (sticky sessions).
 */
export class SocketCounts {
  private readonly counts = new Map<string, number>();

  /** Takes one place under every `[key, cap]`, or none if any is full; returns the release (idempotent). */
  tryAdd(keys: ReadonlyArray<readonly [key: string, cap: number]>): (() => void) | null {
    if (keys.some(([key, cap]) => (this.counts.get(key) ?? 0) >= cap)) return null;
    for (const [key] of keys) this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      for (const [key] of keys) {
        const left = (this.counts.get(key) ?? 1) - 1;
        if (left <= 0) this.counts.delete(key);
        else this.counts.set(key, left);
      }
    };
  }

  count(key: string): number {
    return this.counts.get(key) ?? 0;
  }

  /** Keys with at least one live socket (memory is bounded by live sockets). */
  get size(): number {
    return this.counts.size;
  }
}

/**
 * One event budget per key, shared by all of the key's sockets: a visitor's 25 tabs get one
 * visitor's budget, not 25. A bucket outlives its sockets until it would be full again, so
 * reconnecting does not refill it; `sweep` forgets the ones that are.
 */
export class KeyedBudgets {
  private readonly buckets = new Map<string, { budget: EventBudget; lastUsed: number }>();
  /** How long an untouched bucket takes to refill completely (ms). */
  private readonly refillMs: number;

  constructor(
    private readonly perMinute: number,
    private readonly burst: number,
  ) {
    this.refillMs = Math.ceil((burst * 60_000) / perMinute);
  }

  take(key: string, now: number): boolean {
    let entry = this.buckets.get(key);
    if (!entry) {
      entry = { budget: createEventBudget(this.perMinute, this.burst, now), lastUsed: now };
      this.buckets.set(key, entry);
    }
    entry.lastUsed = now;
    return entry.budget.take(now);
  }

  sweep(now: number): void {
    for (const [key, entry] of this.buckets) if (now - entry.lastUsed >= this.refillMs) this.buckets.delete(key);
  }

  get size(): number {
    return this.buckets.size;
  }
}
