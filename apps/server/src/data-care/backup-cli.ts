import { join } from 'node:path';
import { loadConfig } from '../config.ts';
import { backupDatabase } from './backup.ts';
import { pgBackupAdvice } from './pg-backup-advice.ts';

/**
 * `pnpm backup <file>`: an online backup of the running (or stopped) Hearth's database. On
 * PostgreSQL it explains pg_dump instead, and exits 2 (nothing was backed up).
 */
const destination = process.argv[2];
const config = loadConfig();
if (config.DATABASE_URL) {
  console.error(pgBackupAdvice(config.DATABASE_URL, config.DATABASE_SCHEMA, destination));
  process.exit(2);
}
if (!destination) {
  console.error('usage: pnpm backup <destination.db>');
  process.exit(2);
}
const source = config.DATABASE_FILE ?? join(config.DATA_DIR, 'hearth.db');
const { pages } = await backupDatabase(source, destination);
console.log(`Backed up ${source} to ${destination} (${pages} pages, integrity ok).`);
