import { io as connect, type Socket } from 'socket.io-client';
import { createOutbox, lastSeqOf, mergeMessages, newClientId, type KeyValueStorage, type Outbox } from '@hearth/chat-client';
import { AGENT_NAMESPACE, VISITOR_NAMESPACE, type Ack, type Message } from '@hearth/protocol';

/** What the widget keeps in localStorage, kept in memory so a "reload" can reopen it. */
export class MemoryStorage implements KeyValueStorage {
  private items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

/** Fast reconnects: the faults are the point, not the backoff. */
const socketOptions = {
  transports: ['websocket' as const],
  forceNew: true,
  reconnection: true,
  reconnectionDelay: 50,
  reconnectionDelayMax: 500,
  timeout: 3000,
};

const ASK_TIMEOUT_MS = 3000;

async function ask<T>(socket: Socket, event: string, payload: unknown): Promise<Ack<T> | null> {
  try {
    return (await socket.timeout(ASK_TIMEOUT_MS).emitWithAck(event, payload)) as Ack<T>;
  } catch {
    return null; // timed out or disconnected: the caller retries later
  }
}

/**
 * A widget, reduced to its delivery logic: the chat-client outbox on (memory) storage, the
 * timeline merge, resync after every reconnect. `reload()` throws away everything but storage.
 */
export class VisitorParticipant {
  readonly storage = new MemoryStorage();
  private outbox: Outbox;
  private inFlight = new Set<string>();
  private socket: Socket | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  timeline: Message[] = [];
  conversationId: string | null = null;
  readonly acked = new Set<string>();
  /** clientIds that sat in the outbox when the page was reloaded. */
  readonly pendingAtReload = new Set<string>();
  reloads = 0;
  private next = 1;

  constructor(
    readonly index: number,
    private readonly url: string,
    readonly token: string,
    readonly visitorId: string,
  ) {
    this.outbox = createOutbox(this.storage, 'hearth:outbox');
  }

  start(): void {
    const socket = connect(this.url + VISITOR_NAMESPACE, { ...socketOptions, auth: { token: this.token } });
    this.socket = socket;
    socket.on('connect', () => void this.resync(socket));
    socket.on('message:created', (m: Message) => {
      // As the widget does: a seq past the end means events were missed (a resync raced a live
      // event, or a cut): ask for what lies between.
      const last = lastSeqOf(this.timeline);
      this.merge([m]);
      if (m.conversationId === this.conversationId && m.seq > last + 1) void this.resync(socket, last);
    });
    // Acks lost in a stall (no disconnect) are retried; the server dedupes by clientId.
    this.timer = setInterval(() => socket.connected && this.flush(socket), 700);
  }

  private merge(messages: Message[]): void {
    for (const m of messages) {
      if (this.conversationId !== m.conversationId) {
        // Only one conversation per visitor in this run; a switch would be a bug the checker sees.
        if (this.conversationId === null) this.conversationId = m.conversationId;
        else continue;
      }
      this.timeline = mergeMessages(this.timeline, [m]);
    }
  }

  private async resync(socket: Socket, afterSeq = lastSeqOf(this.timeline)): Promise<void> {
    const ack = await ask<{ conversation: { id: string } | null; messages: Message[] }>(socket, 'conversation:sync', {
      conversationId: this.conversationId,
      afterSeq,
    });
    if (ack?.ok) {
      if (ack.data.conversation && this.conversationId === null) this.conversationId = ack.data.conversation.id;
      this.merge(ack.data.messages);
    } else if (socket.connected) {
      setTimeout(() => socket.connected && void this.resync(socket), 200);
      return;
    }
    this.flush(socket);
  }

  private flush(socket: Socket): void {
    for (const entry of this.outbox.entries()) {
      if (this.inFlight.has(entry.clientId)) continue;
      this.inFlight.add(entry.clientId);
      void ask<{ message: Message }>(socket, 'message:send', { clientId: entry.clientId, body: entry.body }).then((ack) => {
        this.inFlight.delete(entry.clientId);
        if (socket !== this.socket) return; // an ack for the page before the reload
        if (ack?.ok) {
          this.outbox.remove(entry.clientId);
          this.acked.add(entry.clientId);
          this.merge([ack.data.message]);
        }
      });
    }
  }

  /** The visitor types message number n: queued first, sent when connected. */
  send(): void {
    this.outbox.add({ clientId: newClientId(), body: `v${this.index}-${this.next++}`, queuedAt: Date.now() });
    if (this.socket?.connected) this.flush(this.socket);
  }

  /** A page reload: the socket, the timeline and in-flight sends are gone; storage remains. */
  reload(): void {
    this.reloads++;
    for (const e of this.outbox.entries()) this.pendingAtReload.add(e.clientId);
    this.stop();
    this.inFlight.clear();
    this.timeline = [];
    this.conversationId = null;
    this.outbox = createOutbox(this.storage, 'hearth:outbox');
    this.start();
  }

  pending(): number {
    return this.outbox.entries().length;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.socket?.disconnect();
    this.socket = null;
  }

  /** A last resync, as after any reconnect, to pick up messages whose events were cut. */
  async finalSync(): Promise<void> {
    if (this.socket?.connected) await this.resync(this.socket);
  }
}

interface AgentConversation {
  id: string;
  timeline: Message[];
  outbox: Outbox;
}

/**
 * A console tab, reduced to delivery: it follows the conversations of the visitors it is given,
 * resyncs each after a reconnect and replies with numbered messages kept in an in-memory outbox.
 */
export class AgentParticipant {
  private socket: Socket | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private inFlight = new Set<string>();
  readonly conversations = new Map<string, AgentConversation>();
  readonly acked = new Set<string>();
  private next = 1;

  constructor(
    readonly index: number,
    private readonly url: string,
    private readonly cookie: string,
    private readonly visitorIds: ReadonlySet<string>,
  ) {}

  start(): void {
    const socket = connect(this.url + AGENT_NAMESPACE, { ...socketOptions, extraHeaders: { cookie: this.cookie } });
    this.socket = socket;
    socket.on('connect', () => void this.resync(socket));
    socket.on('conversation:created', (c: { id: string; visitorId: string }) => this.track(c));
    socket.on('message:created', (m: Message) => {
      const c = this.conversations.get(m.conversationId);
      if (!c) return;
      const last = lastSeqOf(c.timeline);
      c.timeline = mergeMessages(c.timeline, [m]);
      if (m.seq > last + 1) void this.syncOne(socket, c, last); // a gap: fill it, as the console does
    });
    this.timer = setInterval(() => socket.connected && this.flush(socket), 700);
  }

  private track(c: { id: string; visitorId: string }): AgentConversation | undefined {
    if (!this.visitorIds.has(c.visitorId)) return undefined;
    let tracked = this.conversations.get(c.id);
    if (!tracked) this.conversations.set(c.id, (tracked = { id: c.id, timeline: [], outbox: createOutbox(null, c.id) }));
    return tracked;
  }

  private async resync(socket: Socket): Promise<void> {
    const list = await ask<{ conversations: Array<{ id: string; visitorId: string }> }>(socket, 'inbox:list', {});
    if (!list?.ok) {
      setTimeout(() => socket.connected && void this.resync(socket), 200);
      return;
    }
    for (const c of list.data.conversations) this.track(c);
    await Promise.all([...this.conversations.values()].map((c) => this.syncOne(socket, c)));
    this.flush(socket);
  }

  private async syncOne(socket: Socket, c: AgentConversation, afterSeq = lastSeqOf(c.timeline)): Promise<void> {
    const ack = await ask<{ messages: Message[] }>(socket, 'conversation:sync', { conversationId: c.id, afterSeq });
    if (ack?.ok) c.timeline = mergeMessages(c.timeline, ack.data.messages);
  }

  private flush(socket: Socket): void {
    for (const c of this.conversations.values()) {
      for (const entry of c.outbox.entries()) {
        if (this.inFlight.has(entry.clientId)) continue;
        this.inFlight.add(entry.clientId);
        const payload = { conversationId: c.id, clientId: entry.clientId, body: entry.body };
        void ask<{ message: Message }>(socket, 'message:send', payload).then((ack) => {
          this.inFlight.delete(entry.clientId);
          if (ack?.ok) {
            c.outbox.remove(entry.clientId);
            this.acked.add(entry.clientId);
            c.timeline = mergeMessages(c.timeline, [ack.data.message]);
          }
        });
      }
    }
  }

  /** Replies to one of its conversations (if it knows any yet). */
  reply(pick: number): boolean {
    const list = [...this.conversations.values()];
    const c = list[pick % Math.max(1, list.length)];
    if (!c) return false;
    c.outbox.add({ clientId: newClientId(), body: `a${this.index}-${this.next++}`, queuedAt: Date.now() });
    if (this.socket?.connected) this.flush(this.socket);
    return true;
  }

  pending(): number {
    let n = 0;
    for (const c of this.conversations.values()) n += c.outbox.entries().length;
    return n;
  }

  async finalSync(): Promise<void> {
    if (this.socket?.connected) await this.resync(this.socket);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.socket?.disconnect();
    this.socket = null;
  }
}
