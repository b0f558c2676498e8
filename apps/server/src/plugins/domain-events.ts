import fp from 'fastify-plugin';
import type { FastifyBaseLogger } from 'fastify';
import type { Facts } from '../store/facts.ts';

/**
 * Facts one feature announces and others react to, in this process, after the commit that made
 * them true: the conversation core records `message.created` in its unit (store/facts.ts), the
 * store hands it here after COMMIT, and metrics or a sender's wake-up subscribe, instead of the
 * core importing them. Every fact topic is a domain event; features may add events that are not
 * facts by declaration merging:
 *
 * @example
 * declare module '../plugins/domain-events.ts' { interface DomainEvents { 'conversation.closed': { conversationId: ConversationId; siteId: SiteId } } }
 *
 * Not a durable channel: a reaction that must survive a crash (a mail, a webhook) is written to an
 * outbox or a job in the same transaction as the fact; a listener here may only nudge its sender.
 */
export interface DomainEvents extends Facts {}

type Listener<E> = (event: E) => void | Promise<void>;

export class DomainEventBus {
  private readonly listeners = new Map<string, Array<Listener<never>>>();

  constructor(private readonly log: FastifyBaseLogger) {}

  on<K extends keyof DomainEvents & string>(type: K, listener: Listener<DomainEvents[K]>): void {
    const list = this.listeners.get(type) ?? [];
    list.push(listener as Listener<never>);
    this.listeners.set(type, list);
  }

  /**
   * Calls every listener of `type` synchronously, in registration order. A listener's throw or
   * rejection is logged and never reaches the emitter or the other listeners.
   */
  emit<K extends keyof DomainEvents & string>(type: K, event: DomainEvents[K]): void {
    for (const listener of this.listeners.get(type) ?? []) {
      try {
        const result = (listener as Listener<DomainEvents[K]>)(event);
        if (result instanceof Promise) result.catch((err: unknown) => this.log.error({ err, event: type }, 'domain event listener failed'));
      } catch (err) {
        this.log.error({ err, event: type }, 'domain event listener failed');
      }
    }
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** In-process facts after commit (plugins/domain-events.ts). */
    domainEvents: DomainEventBus;
  }
}

export default fp(
  async (app) => {
    const bus = new DomainEventBus(app.log);
    app.decorate('domainEvents', bus);
    app.store.onCommitted((facts) => {
      for (const { topic, fact } of facts) bus.emit(topic, fact as never);
    });
  },
  { name: 'domain-events', dependencies: ['store'] },
);
