import type { StoreTx } from './store.ts';

/**
 * Facts: what a unit made true, by topic (`message.created`, `conversation.closed` …), added by the
 * feature that owns them through declaration merging:
 *
 * @example
 * declare module '../store/facts.ts' { interface Facts { 'conversation.closed': { conversationId: ConversationId; siteId: SiteId; reason: string } } }
 *
 * A use case records a fact inside its unit (`await tx.facts.record('conversation.closed', …)`).
 * Two kinds of subscribers hear it:
 * - **in the same transaction** (`store.onFact`): for reactions that must be durable together with
 *   the fact — a webhook delivery row, a follow-up mail job. They write only through `tx`, and a
 *   throw rolls the whole unit back (so they must not refuse what the owner of the fact decided).
 * - **after the commit** (`store.onCommitted`, which the domain-event bus forwards as
 *   `app.domainEvents`): for nudges that may be lost with the process — waking a sender, a live
 *   broadcast, a metric.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging, one key per topic.
export interface Facts {}

export type FactTopic = keyof Facts & string;

/** One recorded fact; a union over topics, so checking `topic` narrows `fact`. */
export type RecordedFact<K extends FactTopic = FactTopic> = { [T in K]: { topic: T; fact: Facts[T] } }[K];

/** Runs inside the unit that recorded the fact; writes only through `tx`. */
export type FactHook<K extends FactTopic> = (tx: StoreTx, fact: Facts[K]) => Promise<void>;

export interface FactRecorder {
  /** Runs the topic's in-transaction hooks, then keeps the fact for the post-commit listeners. */
  record<K extends FactTopic>(topic: K, fact: Facts[K]): Promise<void>;
}

declare module './store.ts' {
  interface StoreTx {
    facts: FactRecorder;
  }
}

/** The subscribers of one store, shared by both adapters. */
export class FactHooks {
  private readonly hooks = new Map<string, Array<FactHook<never>>>();
  private readonly listeners: Array<(facts: readonly RecordedFact[]) => void> = [];

  on<K extends FactTopic>(topic: K, hook: FactHook<K>): void {
    const list = this.hooks.get(topic) ?? [];
    list.push(hook as FactHook<never>);
    this.hooks.set(topic, list);
  }

  onCommitted(listener: (facts: readonly RecordedFact[]) => void): void {
    this.listeners.push(listener);
  }

  /**
   * A recorder for units whose facts go to `collect()`'s current list: `collect` returns the list
   * of the unit running now, or null outside any unit (recording there is a bug).
   */
  recorder(tx: () => StoreTx, collect: () => RecordedFact[] | null): FactRecorder {
    return {
      record: async (topic, fact) => {
        const list = collect();
        if (!list) throw new Error(`fact ${topic} recorded outside a unit`);
        for (const hook of this.hooks.get(topic) ?? []) await (hook as FactHook<typeof topic>)(tx(), fact);
        list.push({ topic, fact } as RecordedFact);
      },
    };
  }

  /** After COMMIT: hands the unit's facts to the post-commit listeners, in the order recorded. */
  committed(facts: readonly RecordedFact[]): void {
    if (facts.length === 0) return;
    for (const listener of this.listeners) listener(facts);
  }
}
