import { join } from 'node:path';
import { loadConfig } from '../config.ts';
import { backupDatabase } from './backup.ts';

/** `pnpm backup <file>`: an online backup of the running (or stopped) Hearth's database. */
const destination = process.argv[2];
if (!destination) {
  console.error('usage: pnpm backup <destination.db>');
  process.exit(2);
}
const config = loadConfig();
const source = config.DATABASE_FILE ?? join(config.DATA_DIR, 'hearth.db');
const { pages } = await backupDatabase(source, destination);
console.log(`Backed up ${source} to ${destination} (${pages} pages, integrity ok).`);
