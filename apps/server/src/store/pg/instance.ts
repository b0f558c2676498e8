import { eq, sql } from 'drizzle-orm';
import { BOOTSTRAP_LOCK_KEY, pgSchema, type HearthPgDb } from '@hearth/db';
import type { InstanceStore } from '../../bootstrap/instance.store.ts';

const { instanceSettings } = pgSchema;

export function pgInstanceStore(db: HearthPgDb): InstanceStore {
  return {
    async settingOrInit(key, candidate) {
      // Insert-if-absent never fails on a concurrent insert: the loser waits on the key, then reads the winner's value.
      await db.insert(instanceSettings).values({ key, value: candidate }).onConflictDoNothing();
      const [row] = await db.select({ value: instanceSettings.value }).from(instanceSettings).where(eq(instanceSettings.key, key));
      return row!.value;
    },

    // The key migrations run under too: first-boot work waits for a migrating node, and two first
    // boots create one installation. Released at COMMIT or ROLLBACK.
    async lockInstallation() {
      await db.execute(sql`select pg_advisory_xact_lock(${BOOTSTRAP_LOCK_KEY.toString()}::bigint)`);
    },
  };
}
