import type { SiteId, WebhookAttempt, WebhookDelivery, WebhookEndpoint, WebhookEventType } from '@hearth/protocol';

export interface NewWebhookEndpoint {
  id: string;
  siteId: SiteId;
  url: string;
  description: string;
  events: WebhookEventType[];
  secret: string;
  /** Epoch ms. */
  now: number;
}

/** What the sender needs of an endpoint. */
export interface EndpointTarget {
  id: string;
  siteId: SiteId;
  url: string;
  secret: string;
  disabledAt: number | null;
}

export interface NewWebhookEvent {
  /** `evt_…`, unique: the id receivers de-duplicate on. */
  id: string;
  endpointId: string;
  siteId: SiteId;
  type: string;
  /** Events with the same key are delivered one after another (a conversation id, or the event id). */
  orderKey: string;
  /** The exact JSON body. */
  body: string;
  now: number;
}

/** An outbox row as the sender sees it. */
export interface OutboxEvent {
  id: string;
  endpointId: string;
  siteId: SiteId;
  type: string;
  orderKey: string;
  body: string;
  status: 'pending' | 'sending' | 'delivered' | 'failed';
  attempts: number;
  nextAttemptAt: number | null;
  createdAt: number;
}

export type WebhookTake =
  | { taken: OutboxEvent }
  /** Another sender holds it until then (it may have died mid-delivery). */
  | { busyUntil: number }
  /** Delivered, failed or gone. */
  | { done: true };

export interface AttemptRecord {
  eventId: string;
  endpointId: string;
  attempt: number;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  at: number;
}

/** Webhook endpoints, the outbox (`webhook_events`) and the delivery log (`webhook_attempts`). */
export interface WebhookStore {
  createEndpoint(endpoint: NewWebhookEndpoint): Promise<void>;
  /** The site's endpoints, oldest first, each with its backlog (events not yet delivered or failed). */
  endpointsOf(siteId: SiteId): Promise<WebhookEndpoint[]>;
  endpoint(siteId: SiteId, id: string): Promise<WebhookEndpoint | null>;
  /** The sender's view of an endpoint, whatever its site. */
  target(id: string): Promise<EndpointTarget | null>;
  /** Changes the site's endpoint; `disabledAt: null` re-enables it. False when it is not the site's. */
  updateEndpoint(
    siteId: SiteId,
    id: string,
    patch: { url?: string; events?: WebhookEventType[]; description?: string; disabledAt?: number | null; disabledReason?: string | null },
    now: number,
  ): Promise<boolean>;
  /** Deletes the site's endpoint with its outbox and log. */
  deleteEndpoint(siteId: SiteId, id: string): Promise<boolean>;
  /** Enabled endpoints of the site that subscribe to `type` (the fact hooks' fan-out). */
  subscribers(siteId: SiteId, type: WebhookEventType): Promise<string[]>;

  /** Writes a pending event. One row; call it in the unit that records the fact. */
  enqueue(event: NewWebhookEvent): Promise<void>;
  /** The oldest `limit` events of (endpoint, orderKey) not yet delivered or failed, oldest first: the head of that line. */
  heads(endpointId: string, orderKey: string, limit: number): Promise<OutboxEvent[]>;
  /**
   * Takes an event for one attempt: pending (or `sending` whose hold ran out) becomes `sending`
   * until `now + holdMs` and counts an attempt. One conditional UPDATE: two nodes never both send.
   */
  take(eventId: string, now: number, holdMs: number): Promise<WebhookTake>;
  /** Gives back events taken but not attempted (`sending` → `pending`, the attempt uncounted). */
  release(eventIds: readonly string[], now: number): Promise<void>;
  recordAttempt(attempt: AttemptRecord): Promise<void>;
  /** `sending` → `delivered`. */
  markDelivered(eventId: string, statusCode: number, now: number): Promise<void>;
  /** `sending` → `pending`, due again at `nextAttemptAt`. */
  markRetrying(eventId: string, statusCode: number | null, error: string, nextAttemptAt: number, now: number): Promise<void>;
  /** `sending` → `failed` (tried for 24 h). */
  markFailed(eventId: string, statusCode: number | null, error: string, now: number): Promise<void>;
  /**
   * An owner's "Redeliver": a delivered or failed event of their endpoint goes back in line, due
   * now, attempts reset. Returns its order key, or null when it is not theirs or still in line.
   */
  requeue(siteId: SiteId, endpointId: string, eventId: string, now: number): Promise<string | null>;
  /** Order keys of the endpoint that have events in line (to restart them after re-enabling). */
  waitingKeys(endpointId: string): Promise<string[]>;
  /** The endpoint's events, newest first: the delivery log. */
  deliveries(siteId: SiteId, endpointId: string, limit: number): Promise<WebhookDelivery[]>;
  /** One event's attempts, oldest first (empty when the event is not the site's). */
  attempts(siteId: SiteId, eventId: string): Promise<WebhookAttempt[]>;
  /** Events not yet delivered or failed, over every endpoint: the /metrics backlog gauge. */
  backlog(): Promise<number>;
  /** Deletes delivered and failed events (and their attempts) last updated before `before`. */
  trim(before: number): Promise<number>;
}

declare module '../store/store.ts' {
  interface StoreTx {
    webhooks: WebhookStore;
  }
}
