import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { ensurePgDatabase } from '@hearth/db';
import { testPgUrl } from './test-db.ts';

/**
 * Once per test run (per project): create the test database if missing, drop the schemas of runs
 * whose process is gone (a killed run cannot clean up after itself), and name this run's schemas.
 * Runs of other engineers on the same PostgreSQL are alive and left alone.
 */
export default async function setup(project: TestProject) {
  await ensurePgDatabase(testPgUrl);
  const run = `${process.pid}x${Math.random().toString(36).slice(2, 7)}`;
  await dropSchemas((name) => {
    const pid = Number(/^ht_(\d+)x/.exec(name)?.[1]);
    return Number.isInteger(pid) && !alive(pid);
  });
  project.provide('hearthTestRun', run);
  return () => dropSchemas((name) => name.startsWith(`ht_${run}_`));
}

async function dropSchemas(match: (name: string) => boolean): Promise<void> {
  const client = new pg.Client({ connectionString: testPgUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>("select nspname as name from pg_namespace where nspname like 'ht\\_%'");
    for (const { name } of rows.filter((r) => match(r.name))) await client.query(`drop schema if exists "${name}" cascade`);
  } finally {
    await client.end();
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
