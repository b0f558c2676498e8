import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pgBackupAdvice } from './pg-backup-advice.ts';

describe('pnpm backup on PostgreSQL', () => {
  it('explains pg_dump and pg_restore for the configured database and schema, without the password', () => {
    const text = pgBackupAdvice('postgres://hearth:s3cret@db.internal:5432/hearth', 'chat', '/backups/h.dump');
    expect(text).toContain('pg_dump --format=custom --schema=chat --file=/backups/h.dump "postgres://hearth:***@db.internal:5432/hearth"');
    expect(text).toContain('pg_restore --dbname="postgres://hearth:***@db.internal:5432/hearth" --no-owner /backups/h.dump');
    expect(text).not.toContain('s3cret');
    expect(pgBackupAdvice('postgres://db/hearth', 'public', undefined)).toContain('pg_dump --format=custom --file=hearth-$(date +%F).dump "postgres://db/hearth"');
  });

  it('is what the command prints, exiting 2 since nothing was backed up', () => {
    const cli = fileURLToPath(new URL('./backup-cli.ts', import.meta.url));
    const run = spawnSync(process.execPath, ['--import', 'tsx', cli, 'out.dump'], {
      env: { ...process.env, DATABASE_URL: 'postgres://hearth:pw@127.0.0.1:1/hearth' },
      encoding: 'utf8',
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('back it up with pg_dump');
    expect(run.stderr).not.toContain(':pw@');
  });
});
