/**
 * Messages typed but not yet acknowledged by the server. Kept in storage (localStorage in the
 * widget) so a reload mid-send loses nothing: on the next connect every entry is sent again with
 * the same clientId, and the server's idempotency turns a duplicate into the original ack.
 */
export interface OutboxEntry {
  clientId: string;
  body: string;
  /** Epoch ms when the visitor pressed send; shown while pending. */
  queuedAt: number;
}

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface Outbox {
  entries(): OutboxEntry[];
  add(entry: OutboxEntry): void;
  remove(clientId: string): void;
}

export function createOutbox(storage: KeyValueStorage | null, key: string): Outbox {
  let memory: OutboxEntry[] = [];
  memory = read();

  function read(): OutboxEntry[] {
    // Without storage (blocked in private mode) the in-memory list is the only copy.
    if (!storage) return memory;
    try {
      const raw = storage?.getItem(key);
      const parsed: unknown = raw ? JSON.parse(raw) : [];
      return Array.isArray(parsed) ? parsed.filter(isEntry) : [];
    } catch {
      return [];
    }
  }
  function write(): void {
    try {
      storage?.setItem(key, JSON.stringify(memory));
    } catch {
      // Storage full or blocked (private mode): the in-memory outbox still works for this page.
    }
  }
  return {
    // Re-read each time: another tab of the same visitor may have sent or queued entries.
    entries: () => (memory = read()),
    add(entry) {
      memory = [...read().filter((e) => e.clientId !== entry.clientId), entry];
      write();
    },
    remove(clientId) {
      memory = read().filter((e) => e.clientId !== clientId);
      write();
    },
  };
}

function isEntry(v: unknown): v is OutboxEntry {
  const e = v as OutboxEntry;
  return typeof e === 'object' && e !== null && typeof e.clientId === 'string' && typeof e.body === 'string' && typeof e.queuedAt === 'number';
}

/**
 * A clientId for a new message: 128 random bits, URL-safe, accepted by ClientMessageIdSchema.
 * Uses getRandomValues, not randomUUID: browsers only offer randomUUID in secure contexts, and a
 * Hearth on plain http (a LAN install) must still be able to send.
 */
export function newClientId(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
