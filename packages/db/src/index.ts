export * as schema from './schema.ts';
export * as pgSchema from './pg-schema.ts';
export { openDatabase, type DbHandle, type HearthDb } from './client.ts';
export { openPgDatabase, type PgHandle, type PgOptions, type HearthPgDb } from './pg-client.ts';
export { BOOTSTRAP_LOCK_KEY } from './pg-migrate.ts';
export { ensurePgDatabase, dropPgSchema } from './pg-admin.ts';
export { preparedStatements } from './prepared.ts';
export { startCheckpointer, type Checkpointer } from './checkpointer.ts';
export { latestMigrationMillis } from './migration-journal.ts';
