/**
 * What `pnpm backup` says on PostgreSQL (DATABASE_URL set): the database is the operator's, so its
 * backup is PostgreSQL's own tool, run against any node's database (all nodes share it), while
 * Hearth keeps running. The password is never echoed back.
 */
export function pgBackupAdvice(databaseUrl: string, schema: string, destination: string | undefined): string {
  const url = new URL(databaseUrl);
  if (url.password) url.password = '***';
  const file = destination ?? 'hearth-$(date +%F).dump';
  const only = schema === 'public' ? '' : ` --schema=${schema}`;
  return [
    'Hearth is on PostgreSQL (DATABASE_URL is set): back it up with pg_dump, not with this command.',
    '',
    `  pg_dump --format=custom${only} --file=${file} "${url.toString()}"`,
    '',
    'pg_dump takes a consistent snapshot while every node keeps serving (one transaction, no locks',
    'that block chat). Restore into an empty database with',
    '',
    `  pg_restore --dbname="${url.toString()}" --no-owner ${file}`,
    '',
    'then start the nodes. Use the pg_dump of the server\'s major version or newer. For point-in-time',
    'recovery, archive the WAL (PostgreSQL docs, "Continuous Archiving"). Redis holds nothing to back up.',
  ].join('\n');
}
