export * as schema from './schema.ts';
export { openDatabase, type DbHandle, type HearthDb } from './client.ts';
export { preparedStatements } from './prepared.ts';
export { startCheckpointer, type Checkpointer } from './checkpointer.ts';
export { latestMigrationMillis } from './migration-journal.ts';
