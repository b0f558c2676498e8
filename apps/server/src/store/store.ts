/**
 * The storage seam: every use case reaches the database through async store functions, grouped in
 * one store interface per feature, so the same use case runs on embedded SQLite and on PostgreSQL.
 *
 * A feature declares its store interface in `<feature>/<feature>.store.ts` and adds it to
 * {@link StoreTx} by declaration merging (as Fastify decorators do):
 *
 * @example
 * // notes/note.store.ts
 * export interface NoteStore { add(input: AddNote): Promise<AddNoteResult>; listOf(id: ConversationId): Promise<ConversationNote[]> }
 * declare module '../store/store.ts' { interface StoreTx { notes: NoteStore } }
 *
 * Each adapter (`store/sqlite/`, `store/pg/`) lists an implementation for every key of StoreTx, so
 * a store function that one engine lacks fails the type check, and the contract suite
 * (`store/contract/`) runs the same behaviour tests against both engines.
 *
 * Rules for store functions (each one's doc comment states its transaction and its locks):
 * - They take plain values and return plain values (protocol types where they exist); no Fastify,
 *   no sockets, no timers, no I/O but the database.
 * - A function that writes more than one row, or reads then writes, is correct only inside
 *   {@link Store.unit}; on PostgreSQL it takes the row locks its decision depends on (`FOR UPDATE`,
 *   advisory locks for a site's queue) — READ COMMITTED alone lets two nodes both pass a guard.
 * - Refusals that the caller shows to a user are thrown as `CommandError` (realtime/commands.ts)
 *   or returned as a result union; anything else is a bug and becomes `internal`.
 */

/** Every feature's store as one transaction (or one read) sees it. Features add their keys. */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging, one key per feature.
export interface StoreTx {}

import type { FactHook, FactTopic, RecordedFact } from './facts.ts';

export type Engine = 'sqlite' | 'pg';

export interface UnitOptions {
  /**
   * PostgreSQL only: how many times the whole unit is re-run after a serialization failure,
   * deadlock, lock timeout or unique violation (a concurrent writer won a race the unit re-reads).
   * Default 3. SQLite has one writer, so units never race there.
   */
  retries?: number;
}

export interface Store {
  readonly engine: Engine;
  /**
   * Runs `work` as one transaction and resolves with its result after COMMIT (callers ack and
   * broadcast only then). A throw rolls back everything the unit wrote and rejects with it.
   *
   * SQLite: the unit joins the group commit (all units of one event-loop turn share one
   * transaction and one fsync, each in its own savepoint). `work` must await nothing but `tx`:
   * a unit that waits on a timer or other I/O is rolled back with an error, because the shared
   * transaction cannot stay open across turns.
   * PostgreSQL: one pooled connection, BEGIN … COMMIT, re-run whole on the errors listed in
   * {@link UnitOptions.retries}; so `work` must have no effect outside `tx`.
   */
  unit<T>(work: (tx: StoreTx) => Promise<T>, options?: UnitOptions): Promise<T>;
  /**
   * Reads outside a transaction: each call sees committed data only. Use write functions only
   * through {@link Store.unit}.
   */
  readonly read: StoreTx;
  /**
   * Subscribes `hook` to a fact topic inside the recording unit's transaction (store/facts.ts):
   * for reactions that must commit together with the fact (an outbox row, a job).
   */
  onFact<K extends FactTopic>(topic: K, hook: FactHook<K>): void;
  /** Called after each COMMIT with the facts its unit recorded (none: not called). */
  onCommitted(listener: (facts: readonly RecordedFact[]) => void): void;
  /** Resolves when the database answers and its migrations are applied; rejects otherwise. */
  ping(): Promise<void>;
  /** Commits what is queued, then closes connections. */
  close(): Promise<void>;
}
