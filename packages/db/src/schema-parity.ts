import type * as sqlite from './schema.ts';
import type * as pg from './pg-schema.ts';

/**
 * Compile-time check that schema.ts and pg-schema.ts declare the same tables with the same
 * property names and TypeScript types (select and insert shapes), so a store adapter maps rows the
 * same way on both engines. A table or column added to one schema only fails `pnpm typecheck` here.
 */
type Tables<S> = { [K in keyof S as S[K] extends { $inferSelect: unknown } ? K : never]: S[K] };
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Sqlite = Tables<typeof sqlite>;
type Pg = Tables<typeof pg>;
type Parity = {
  [K in keyof Sqlite | keyof Pg]: K extends keyof Sqlite & keyof Pg
    ? Same<Sqlite[K]['$inferSelect'], Pg[K]['$inferSelect']> extends true
      ? Same<Sqlite[K]['$inferInsert'], Pg[K]['$inferInsert']>
      : false
    : false;
};
type AllTrue<T extends Record<string, true>> = T;
/** Fails to compile (naming the table) when the two schemas differ. */
export type SchemaParity = AllTrue<Parity>;
