import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * drizzle-kit writes foreign keys as `REFERENCES "public"."sites"`. Hearth's PostgreSQL tables live
 * in whatever schema the connection's search_path names (DATABASE_SCHEMA; a schema per test file),
 * so generated migrations must not name one. Run after `drizzle-kit generate` (generate:pg does);
 * idempotent, and src/pg-migrate.test.ts fails if a migration still names a schema.
 */
const dir = fileURLToPath(new URL('../migrations-pg', import.meta.url));
for (const name of readdirSync(dir).filter((f) => f.endsWith('.sql'))) {
  const path = `${dir}/${name}`;
  const text = readFileSync(path, 'utf8');
  const fixed = text.replaceAll('"public".', '');
  if (fixed !== text) writeFileSync(path, fixed);
}
