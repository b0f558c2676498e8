import { afterEach, beforeEach, describe } from 'vitest';
import { openDatabase, openPgDatabase } from '@hearth/db';
import type { Engine, Store } from '../store.ts';
import { createSqliteStore } from '../sqlite/sqlite-store.ts';
import { createPgStore, type PgStoreObservers } from '../pg/pg-store.ts';
import { acquirePgSchema, pgTestSql, sqliteTestSql, testPgUrl, type TestSql } from '../../../test/test-db.ts';

/** One engine under contract test: a fresh, migrated, empty database behind a Store. */
export interface ContractEngine {
  engine: Engine;
  store: Store;
  /** Fixtures and assertions in SQL both engines understand (`?` placeholders). */
  sql: TestSql;
  /** Retries the PostgreSQL store made (always 0 on SQLite). */
  retries: number;
  /**
   * Another node on the same database: a second store with its own pool on PostgreSQL; on SQLite,
   * the same store (one process owns the file).
   */
  peer(): Promise<Store>;
}

/** A fresh database of `engine` behind a Store (describeEngines opens one per test; parity tests open both). */
export async function openEngine(engine: Engine): Promise<ContractEngine & { close(): Promise<void> }> {
  if (engine === 'sqlite') {
    const handle = openDatabase(':memory:');
    const store = createSqliteStore(handle);
    const close = async () => {
      await store.close();
      handle.close();
    };
    return { engine, store, sql: sqliteTestSql(handle.sqlite), retries: 0, peer: async () => store, close };
  }
  const schema = await acquirePgSchema();
  const context = { engine, retries: 0 } as ContractEngine & { close(): Promise<void> };
  const observers: PgStoreObservers = { onRetry: () => void context.retries++ };
  const stores: Store[] = [];
  const openStore = async () => {
    const handle = await openPgDatabase({ url: testPgUrl, schema: schema.schema, max: 4 });
    const store = createPgStore(handle, observers);
    stores.push(store);
    return { handle, store };
  };
  const first = await openStore();
  context.store = first.store;
  context.sql = pgTestSql(first.handle.pool);
  context.peer = async () => (await openStore()).store;
  context.close = async () => {
    await Promise.all(stores.map((s) => s.close()));
    schema.release();
  };
  return context;
}

/**
 * Declares the same behaviour tests once per engine (`[sqlite]`, `[pg]`): each test gets a fresh
 * database. The contract suite runs in the SQLite server run only (it covers both engines itself).
 */
export function describeEngines(title: string, body: (ctx: () => ContractEngine) => void): void {
  describe.each(['sqlite', 'pg'] as const)(`${title} [%s]`, (engine) => {
    let current: (ContractEngine & { close(): Promise<void> }) | null = null;
    beforeEach(async () => {
      current = await openEngine(engine);
    });
    afterEach(async () => {
      await current?.close();
      current = null;
    });
    body(() => {
      if (!current) throw new Error('no engine open');
      return current;
    });
  });
}
